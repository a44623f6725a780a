"""End-to-end tests of `shapedoctor lsp` and `shapedoctor mcp` over stdio."""
