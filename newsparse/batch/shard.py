"""``--shard i/N``: a deterministic split of the inputs, for job arrays and several machines.

Shard ``i`` (1-based) takes the inputs whose global index ``% N == i - 1``: every
shard sees the same expansion (folders are walked in sorted order), so the N
shards together cover every input exactly once, and round-robin keeps them
balanced. Indexes stay global, so shard outputs concatenate and sort by index.
"""
from __future__ import annotations

from dataclasses import dataclass

from newsparse.errors import ConfigError


@dataclass(frozen=True)
class Shard:
    number: int  # 1..count
    count: int

    def selects(self, index: int) -> bool:
        return index % self.count == self.number - 1

    def share(self, total: int) -> int:
        """How many of ``total`` inputs this shard takes."""
        return len(range(self.number - 1, total, self.count))

    def __str__(self) -> str:
        return f"{self.number}/{self.count}"


def parse_shard(value: str) -> Shard:
    """``"2/8"`` -> Shard(2, 8); a clear usage error otherwise."""
    try:
        i, n = (int(part) for part in value.strip().split("/"))
    except ValueError:
        raise ConfigError(f"--shard {value!r}: expected I/N, e.g. 1/4") from None
    if n < 1 or not 1 <= i <= n:
        raise ConfigError(f"--shard {value!r}: I must be between 1 and N (shards are numbered 1..N)")
    return Shard(i, n)
