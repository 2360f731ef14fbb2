# The same steps as the README: install with make, then serve the bundled data.
FROM python:3.11-slim

RUN apt-get update \
    && apt-get install -y --no-install-recommends make gcc g++ \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY . /app
# PyTorch's CPU wheels: the default index would pull a CUDA build of several GB.
RUN make install TORCH_PIP_ARGS="--index-url https://download.pytorch.org/whl/cpu"

ENV FORUMGRAPH_HOST=0.0.0.0 \
    FORUMGRAPH_PORT=8000 \
    FORUMGRAPH_STORE_DIR=/app/store \
    HF_HUB_OFFLINE=1
# Build the store at image build time so that the container starts serving at once.
RUN .venv/bin/forumgraph ingest data
EXPOSE 8000
CMD ["make", "run"]
