"""Symptom triage: the knowledge-base engine, AI providers and their evaluation.

`engine.assess()` answers from the clinical knowledge base in `knowledge/*.yaml`
(read by `reader`, loaded and validated by `knowledge`);
`providers.get_provider()` asks an AI model for the same answer shape;
`decide.decide()` combines the two so that red flags always win.
"""
