"""`python -m forumgraph` runs the command-line interface."""

from forumgraph.cli import main

main()
