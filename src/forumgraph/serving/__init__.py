"""Request validation shared by every front end (web routes, MCP tools)."""
