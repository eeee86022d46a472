"""The command-line interface: parses flags, reads input, calls the library, renders."""
