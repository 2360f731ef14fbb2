"""The optional konlpy backends (Okt, Komoran) behind the same Analyzer interface as Kiwi."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap

import pytest

from forumgraph.text.analyze import Analyzer, create_analyzer
from forumgraph.text.tokenize import tokenize_for_index

pytest.importorskip("konlpy", reason="the konlpy extra is not installed: pip install '.[konlpy]'")
pytestmark = pytest.mark.skipif(shutil.which("java") is None, reason="konlpy needs a JRE")

TEXT = "쿠버네티스가 헬름의 차트를 관리했다. 삼성SDS의 엔지니어"


@pytest.fixture(scope="module", params=["okt", "komoran"])
def analyzer(request: pytest.FixtureRequest) -> Analyzer:
    analyzer = create_analyzer(request.param)
    analyzer.add_words(["쿠버네티스", "삼성SDS"])
    return analyzer


def test_user_words_stay_whole_and_particles_come_off(analyzer: Analyzer) -> None:
    tokens = analyzer.tokens(TEXT)
    assert ("쿠버네티스", "NNP") in [(t.form, t.tag) for t in tokens]
    assert ("삼성SDS", "NNP") in [(t.form, t.tag) for t in tokens]
    particle = next(t for t in tokens if t.form == "가")
    assert particle.tag.startswith("J")


def test_offsets_point_at_the_forms_in_the_text(analyzer: Analyzer) -> None:
    for token in analyzer.tokens(TEXT):
        if token.end > token.start:  # Komoran's restored stems have no span of their own
            assert TEXT[token.start : token.end] == token.form


def test_index_tokens_keep_content_words(analyzer: Analyzer) -> None:
    tokens = tokenize_for_index(TEXT, "ko", analyzer)
    assert {"쿠버네티스", "차트", "관리", "삼성sds", "엔지니어"} <= set(tokens)
    assert "가" not in tokens and "를" not in tokens


def test_the_jvm_starts_after_a_fork_not_before() -> None:
    """Creating the analyser must not start the JVM: a JVM inherited by a forked child hangs."""
    script = textwrap.dedent(
        """
        import multiprocessing, jpype
        from forumgraph.text.analyze import create_analyzer

        def child(queue):
            queue.put([t.form for t in analyzer.tokens("쿠버네티스가 좋다")])

        analyzer = create_analyzer("okt")
        analyzer.add_words(["쿠버네티스"])
        assert not jpype.isJVMStarted(), "the JVM started before any text was analysed"
        context = multiprocessing.get_context("fork")
        queue = context.Queue()
        process = context.Process(target=child, args=(queue,))
        process.start()
        print(queue.get(timeout=120)[0])
        process.join(30)
        print([t.form for t in analyzer.tokens("헬름의 차트")][0])
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=240
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["쿠버네티스", "헬름"]
