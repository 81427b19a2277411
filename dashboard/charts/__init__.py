"""Chart builders: pure functions from metrics-API frames to plotly figures, one shared theme."""
