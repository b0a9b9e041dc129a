"""Scale: Spark batch coding (:mod:`detente.scale.spark_job`), the lexical prefilter
(:mod:`detente.scale.prefilter`) and synthetic corpora for tests and benchmarks
(:mod:`detente.scale.corpus`).

Nothing here is imported by the core; PySpark is needed only by :mod:`detente.scale.spark_job`.
"""
