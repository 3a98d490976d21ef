"""Scale-out: the same analysis code path as `extract`, run over shards on Ray Data
(or locally), written as Parquet, then bulk-loaded and clustered into a store."""
