"""Claims: who asserts or denies each event, the ``claims`` table, and contested incidents.

Submodules: :mod:`~detente.claims.attribution` (claimant helpers the coder's modality step calls),
:mod:`~detente.claims.records` (events → claim records), :mod:`~detente.claims.storage` (the
``claims`` table), :mod:`~detente.claims.contested` (contested incidents),
:mod:`~detente.claims.evaluation` and :mod:`~detente.claims.commands` (the CLI commands). This
package module imports none of them, so the coder can import the attribution helpers without a cycle.
"""
