"""Batch processing at corpus scale: parallel executors, resume, shards, progress.

The entry point is :func:`newsparse.batch.run.run_batch`; the CLI's ``analyze``
command is a thin layer over it.
"""
