"""The latency harness behind `coach bench`: real modules, timings taken from the runner's events.

- `answers`: the candidate's test answers (made with a voice, with thinking pauses between and
  inside sentences) and where each answer's last word ends;
- `session`: one interview through the microphone's own path, watched through the runner's events
  and the speaker's playback;
- `load`: busy processes alongside the measurement (`--busy N`), peak memory;
- `first_screen`: the app's first screen in a fresh process (`python -m coach.bench.first_screen`);
- `harness`: a whole run; `report`: percentiles, JSON and the printed summary.
"""
