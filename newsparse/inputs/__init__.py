"""Reading articles: files, stdin, URLs, folders; decoding and sniffing HTML vs text."""
