#!/usr/bin/env bash
# Regenerates the simulator's tiny media fixtures with Debian's ffmpeg (/usr/bin/ffmpeg).
# The outputs are committed, so tests never need ffmpeg; run this only to change them.
# Every command below is also written out in fixtures/media/README.md.
set -euo pipefail
cd "$(dirname "$0")/../fixtures/media"

FF=(ffmpeg -hide_banner -loglevel error -y)
BITEXACT=(-map_metadata -1 -fflags +bitexact -flags:v +bitexact -flags:a +bitexact)
TONE=(-f lavfi -i "sine=frequency=440:sample_rate=22050:duration=2")
AAC=(-c:a aac -b:a 24k -ac 1)

# Main H.264 variant (playAddr / best H.264 gear): 2 s, 320x568, H.264 + AAC.
"${FF[@]}" -f lavfi -i "testsrc2=size=320x568:rate=15:duration=2" "${TONE[@]}" \
  -c:v libx264 -preset veryslow -crf 38 -pix_fmt yuv420p -tag:v avc1 "${AAC[@]}" \
  "${BITEXACT[@]}" -movflags +faststart -shortest video-h264.mp4

# Lower H.264 gear: same clip at 180x320.
"${FF[@]}" -f lavfi -i "testsrc2=size=180x320:rate=15:duration=2" "${TONE[@]}" \
  -c:v libx264 -preset veryslow -crf 38 -pix_fmt yuv420p -tag:v avc1 "${AAC[@]}" \
  "${BITEXACT[@]}" -movflags +faststart -shortest video-h264-low.mp4

# HEVC (bytevc1) variant, tagged hvc1 like TikTok's h265_hvc1 files.
"${FF[@]}" -f lavfi -i "testsrc2=size=320x568:rate=15:duration=2" "${TONE[@]}" \
  -c:v libx265 -preset medium -crf 36 -pix_fmt yuv420p -tag:v hvc1 -x265-params log-level=error "${AAC[@]}" \
  "${BITEXACT[@]}" -movflags +faststart -shortest video-hevc.mp4

# Watermarked variant (downloadAddr): the same clip with a bright box where TikTok puts its logo.
"${FF[@]}" -f lavfi -i "testsrc2=size=320x568:rate=15:duration=2" "${TONE[@]}" \
  -vf "drawbox=x=12:y=470:w=150:h=60:color=white@0.9:t=fill,drawbox=x=24:y=482:w=40:h=36:color=black:t=fill" \
  -c:v libx264 -preset veryslow -crf 38 -pix_fmt yuv420p -tag:v avc1 "${AAC[@]}" \
  "${BITEXACT[@]}" -movflags +faststart -shortest video-watermarked.mp4

# Cover: the first frame of the main variant.
"${FF[@]}" -i video-h264.mp4 -frames:v 1 -q:v 8 "${BITEXACT[@]}" cover.jpg

# Photo-post images: three colours and sizes, each as JPEG and WebP.
make_image() { # name size colour
  "${FF[@]}" -f lavfi -i "color=c=$3:size=$2,drawgrid=w=40:h=40:t=2:c=white@0.5" -frames:v 1 -q:v 6 \
    "${BITEXACT[@]}" "$1.jpg"
  "${FF[@]}" -f lavfi -i "color=c=$3:size=$2,drawgrid=w=40:h=40:t=2:c=white@0.5" -frames:v 1 \
    -c:v libwebp -quality 60 "${BITEXACT[@]}" "$1.webp"
}
make_image image-1 360x480 tomato
make_image image-2 400x400 seagreen
make_image image-3 300x532 royalblue

# Music: 3 s of a two-tone melody as AAC in M4A and as MP3.
MELODY=(-f lavfi -i "sine=frequency=523:sample_rate=22050:duration=3" -f lavfi -i "sine=frequency=659:sample_rate=22050:duration=3" -filter_complex "[0][1]amix=inputs=2")
"${FF[@]}" "${MELODY[@]}" "${AAC[@]}" "${BITEXACT[@]}" -movflags +faststart music.m4a
"${FF[@]}" "${MELODY[@]}" -c:a libmp3lame -b:a 32k -ac 1 "${BITEXACT[@]}" music.mp3

ls -l
