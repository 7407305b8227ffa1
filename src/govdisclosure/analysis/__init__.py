"""Analysis of many reports: diff, aggregate, check_rollup, fees, tidy frames, batch."""
