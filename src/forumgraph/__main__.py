"""`python -m forumgraph` runs the command-line interface."""

from forumgraph.cli import main

# The guard matters: a child process started with "spawn" imports this module again.
if __name__ == "__main__":
    main()
