"""Every resource limit in one place, so docs/limits.md and the code cannot drift apart.

Each value is a default; the comment says how a user changes it. Limits exist so that
one hostile or broken input costs bounded time and memory and becomes a one-line
error (or a warning), never a crash or a hang of the whole batch.
"""
from __future__ import annotations

# ---------------------------------------------------------------- input size
#: Largest input read from a file, stdin or a URL body (after decompression), in bytes.
#: ``newsparse analyze --max-bytes N``; library: ``load_source(spec, max_bytes=N)``.
MAX_INPUT_BYTES = 50_000_000

#: Largest decoded input the extract stage accepts, in characters.
#: ``--set extract.max_chars=N`` (owned by the extract stage; mirrored here for the docs).
MAX_EXTRACT_CHARS = 10_000_000

# ---------------------------------------------------------------- time
#: Seconds of analysis one article may take (the pipeline, not the download) before it becomes
#: an error record and the batch moves on. ``newsparse analyze --time-limit SECONDS`` (0 = none);
#: library: ``run_items(..., time_limit=SECONDS)``. Real articles take well under a second.
ARTICLE_TIME_LIMIT = 300.0

# ---------------------------------------------------------------- URL fetching
#: Seconds one socket operation (connect, one read) may wait. ``--timeout SECONDS``.
FETCH_TIMEOUT = 15.0

#: Seconds a whole download may take, headers and body, however slowly bytes trickle in.
#: Library: ``FetchLimits(deadline=...)``.
FETCH_DEADLINE = 60.0

#: Redirects followed before giving up (loops stop here too). Library: ``FetchLimits(max_redirects=...)``.
MAX_REDIRECTS = 5

#: Schemes a URL (or a redirect) may use. Never file://, ftp://, data: ...
ALLOWED_SCHEMES = ("http", "https")

# ---------------------------------------------------------------- HTML structure
#: Element nesting kept as is. libxml2 (under lxml/trafilatura) silently drops everything
#: below 256 levels, so deeper tags are flattened first (the text is kept) and a warning says so.
MAX_HTML_DEPTH = 200

# ---------------------------------------------------------------- language detection
#: Fewer words than this and no language is guessed (too little evidence).
LANGUAGE_MIN_WORDS = 20

#: Characters of text the language detector looks at (the start of the article).
LANGUAGE_SAMPLE_CHARS = 20_000
