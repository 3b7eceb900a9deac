"""Playing over the classroom network: one host (the teacher's computer) and one computer per team.

``protocol`` (the messages, validated on both sides), ``views`` (what each seat may see), ``host`` (the
authoritative game behind a WebSocket server), ``client`` (a team computer's connection), ``bench``.
"""
