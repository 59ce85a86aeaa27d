# KNOWN-BAD VARIANT `utf8-garbled`: decodes the payload piece by piece as it arrives: a character cut between reads is garbled.
# Otherwise identical to reference/pipe-framing/python/; the spec must reject it (specs/pipe-framing.yaml, mustReject).
# pipe-framing: length-prefixed frames (4-byte big-endian length + UTF-8 payload), the statement's
# send() and receive(). Decoder by default; --encode turns each input line into one frame.
# Both work on bytes as they come: a read may end anywhere, even inside a character.
import argparse
import json
import struct
import sys

parser = argparse.ArgumentParser()
parser.add_argument('--encode', action='store_true')
args = parser.parse_args()

inp = sys.stdin.buffer
out = sys.stdout.buffer


def send(data):
    out.write(struct.pack('>I', len(data)) + data)   # a length in bytes, not characters


def encode():
    # A line is the bytes up to b'\n' (a '\r' stays in it); a last line without '\n' counts.
    pending = b''
    while chunk := inp.read1(65536):                  # whatever has arrived
        pending += chunk
        *lines, pending = pending.split(b'\n')
        for line in lines:
            send(line)
        out.flush()
    if pending:
        send(pending)
    out.flush()


def decode():
    header = b''
    remaining = -1                                    # payload bytes still to come; -1 in a header
    text = ''
    frames = 0
    while chunk := inp.read1(65536):
        at = 0
        while True:
            if remaining < 0:
                take = min(4 - len(header), len(chunk) - at)
                header += chunk[at:at + take]
                at += take
                if len(header) < 4:
                    break
                remaining = struct.unpack('>I', header)[0]
                header = b''
                text = ''
            take = min(remaining, len(chunk) - at)
            text += chunk[at:at + take].decode('utf-8', 'replace')   # BUG: a cut character is garbled
            at += take
            remaining -= take
            if remaining > 0:
                break
            out.write(b'frame %d: %s\n' % (frames, json.dumps(text, ensure_ascii=False).encode()))
            frames += 1
            remaining = -1
        out.flush()
    if remaining >= 0 or header:
        print('error: truncated frame', file=sys.stderr)
        sys.exit(2)
    out.write(b'total %d\n' % frames)


if args.encode:
    encode()
else:
    decode()
