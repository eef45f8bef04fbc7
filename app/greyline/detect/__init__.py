"""Link detectors and risk scoring (no Qt)."""
