"""Playing over the classroom network: one host (the teacher's computer) and one computer per team.

``protocol`` (the messages, validated on both sides), ``views`` (what each seat may see), ``seat`` (a team
computer's seat as the conference screen reads a session), ``host`` (the authoritative game behind a WebSocket
server), ``client`` (a team computer's connection), ``link`` (either end on a thread beside a window), ``script``
(terminal command files for both ends), ``bench`` (round trip and memory). The windows are the one-computer
conference screen: game/ui/screens/remote/team.py (a team's computer), projector.py (the host's projector with
the teacher's console), opened by game/ui/net_windows.py.
"""
