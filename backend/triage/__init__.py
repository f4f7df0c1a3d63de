"""Symptom triage: the embedded rule engine, AI providers and their evaluation.

`engine.assess()` answers from the clinical rules in `rules.json`;
`providers.get_provider()` asks an AI model for the same answer shape;
`decide.decide()` combines the two so that red flags always win.
"""
