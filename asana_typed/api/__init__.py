"""Resource classes, one module per Asana resource; ``Client`` imports each on first use."""
