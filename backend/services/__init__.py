"""Business rules. Plain functions over ids and values; no Flask request objects."""
