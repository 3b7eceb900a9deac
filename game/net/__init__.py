"""Playing over the classroom network: one host (the teacher's computer) and one computer per team.

``protocol`` (the messages, validated on both sides), ``views`` (what each seat may see), ``host`` (the
authoritative game behind a WebSocket server), ``client`` (a team computer's connection), ``link`` (either
end on a thread beside a window), ``script`` (terminal command files for both ends), ``bench`` (round trip and
memory). The windows are game/ui/screens/remote/table.py (a team's screen, the projector) and game/ui/screens/remote/windows.py.
"""
