"""clashlog: conflict news in, ACLED-compatible events and a claims ledger out."""

__version__ = "0.1.0"
