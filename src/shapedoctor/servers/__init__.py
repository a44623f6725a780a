"""Front doors for editors and agents: ``shapedoctor lsp`` (Language Server Protocol) and ``shapedoctor mcp``
(Model Context Protocol).  Both are thin: every shape, finding and fix comes from the checker (``check``,
``repair``); ``documents`` maps between its positions and the documents a client has open."""
