import { createHash } from 'node:crypto';
import { FIXTURE_FACTS } from './fixture-media.ts';
import type { SimUser, StoredItem } from './item-registry.ts';
import type { MediaLibrary } from './media-library.ts';
import { signedObjectUrl, signedVideoUrl } from './media-urls.ts';
import type { SimMediaRole } from './sim-types.ts';
import type { UrlSigner } from './url-signer.ts';

/**
 * Builds an `itemStruct` shaped like the real one (field names, nesting and value types as
 * in the real captures), with media URLs signed for one page fetch.
 *
 * Value types differ by where the item appears, as on TikTok: in a page's rehydration JSON
 * `createTime`, `DataSize`, `video.size` and `stats.collectCount` are decimal strings; in the
 * JSON APIs (story list) they are numbers.
 */
export type ItemStructContext = {
  origin: string;
  signer: UrlSigner;
  media: MediaLibrary;
  chainToken: string;
  nowMs: number;
  /** Lifetime of the media URLs minted now. */
  ttlSeconds: number;
  logId: string;
  flavor: 'page' | 'api';
};

/** What signing an image URL needs (no page session: image URLs are not token-bound). */
export type ObjectSigning = Pick<ItemStructContext, 'origin' | 'signer' | 'nowMs' | 'ttlSeconds'>;

type Gear = {
  role: SimMediaRole;
  codecType: 'h264' | 'h265_hvc1' | 'bytevc2';
  urlKeyCodec: 'h264' | 'bytevc1' | 'bytevc2';
  resolution: 1080 | 720 | 540;
  gearName: string;
  qualityType: number;
  /** List a `/media-video-hvc1/` URL (which 404s) before the working one. */
  hvc1First?: boolean;
};

const DIMENSIONS = {
  1080: { width: 1080, height: 1920 },
  720: { width: 720, height: 1280 },
  540: { width: 576, height: 1024 },
} as const;

/** The gears `bitrateInfo` offers, best first (tiktok-upstream.md §3 and §7 "HEVC-only 1080p"). */
function gearsOf(item: StoredItem): Gear[] {
  const { videoCodecs, hevcOnly1080p } = item.data;
  const hevc1080: Gear = {
    role: 'video_hevc',
    codecType: 'h265_hvc1',
    urlKeyCodec: 'bytevc1',
    resolution: 1080,
    gearName: 'adapt_lowest_1080_1',
    qualityType: 2,
  };
  const bytevc2: Gear = {
    role: 'video_bytevc2',
    codecType: 'bytevc2',
    urlKeyCodec: 'bytevc2',
    resolution: 1080,
    gearName: 'adapt_lowest_1080_2',
    qualityType: 1,
  };
  const h264Low: Gear = {
    role: 'video_h264_low',
    codecType: 'h264',
    urlKeyCodec: 'h264',
    resolution: 540,
    gearName: 'normal_540_0',
    qualityType: 20,
  };
  if (hevcOnly1080p) {
    const h264720: Gear = {
      ...h264Low,
      role: 'video',
      resolution: 720,
      gearName: 'normal_720_0',
      qualityType: 10,
    };
    return [{ ...hevc1080, hvc1First: true }, bytevc2, h264720, h264Low];
  }
  const gears: Gear[] = [];
  if (videoCodecs.includes('h265')) gears.push(hevc1080);
  if (videoCodecs.includes('bytevc2')) gears.push(bytevc2);
  if (videoCodecs.includes('h264')) {
    gears.push({ ...h264Low, role: 'video', resolution: 1080, gearName: 'normal_1080_0', qualityType: 2 });
    gears.push(h264Low);
  }
  return gears;
}

function opaqueHash(...parts: string[]): string {
  return createHash('md5').update(parts.join(':')).digest('hex');
}

function countValue(n: number, flavor: ItemStructContext['flavor']): number | string {
  return flavor === 'page' ? String(n) : n;
}

function mediaSize(ctx: ItemStructContext, item: StoredItem, role: SimMediaRole, index = 0): number {
  return ctx.media.source(item, role, index)?.size ?? 0;
}

function expiry(ctx: ObjectSigning): number {
  return Math.floor(ctx.nowMs / 1000) + Math.floor(ctx.ttlSeconds);
}

function coverUrl(ctx: ItemStructContext, item: StoredItem, suffix: string): string {
  return signedObjectUrl(ctx.origin, ctx.signer, {
    bucket: 'tos-sim-p-0037',
    ownerId: item.data.id,
    role: 'cover',
    index: 0,
    suffix,
    expires: expiry(ctx),
  });
}

function avatarUrls(ctx: ObjectSigning, user: SimUser) {
  const at = (px: number) =>
    signedObjectUrl(ctx.origin, ctx.signer, {
      bucket: 'tos-sim-avt-0068',
      ownerId: user.id,
      role: 'avatar',
      index: 0,
      suffix: `~tplv-tiktokx-cropcenter:${px}:${px}.jpeg`,
      expires: expiry(ctx),
    });
  return { avatarLarger: at(1080), avatarMedium: at(720), avatarThumb: at(100) };
}

export function buildAuthor(ctx: ObjectSigning, user: SimUser) {
  return {
    id: user.id,
    shortId: '',
    uniqueId: user.uniqueId,
    nickname: user.nickname,
    ...avatarUrls(ctx, user),
    signature: '',
    createTime: user.createTimeSeconds,
    verified: false,
    secUid: user.secUid,
    ftc: false,
    relation: 0,
    openFavorite: false,
    commentSetting: 0,
    duetSetting: 0,
    stitchSetting: 0,
    privateAccount: user.privateAccount,
    secret: false,
    isADVirtual: false,
    roomId: '',
    uniqueIdModifyTime: 0,
    ttSeller: false,
    downloadSetting: 0,
    recommendReason: '',
    nowInvitationCardUrl: '',
    nickNameModifyTime: 0,
    isEmbedBanned: false,
    canExpPlaylist: false,
    suggestAccountBind: false,
  };
}

function buildVideo(ctx: ItemStructContext, item: StoredItem) {
  const { id } = item.data;
  const seconds = FIXTURE_FACTS.videoSeconds;
  const videoUrl = (role: SimMediaRole, kbps: number, codecFlag: number, hvc1Path = false) =>
    signedVideoUrl(ctx.origin, ctx.signer, {
      itemId: id,
      role,
      chainToken: ctx.chainToken,
      expire: expiry(ctx),
      logId: ctx.logId,
      kbps,
      codecFlag,
      hvc1Path,
    });
  // Real lists end with a www.tiktok.com /aweme/v1/play/ URL that downloaders must skip (§3).
  const awemePlayUrl = `${ctx.origin}/aweme/v1/play/?faid=1988&file_id=${opaqueHash(id, 'file')}&is_play_url=1&item_id=${id}&line=0&ply_type=2&tk=tt_chain_token&video_id=${item.videoStorageId}`;

  const bitrateInfo = gearsOf(item).map((gear) => {
    const size = mediaSize(ctx, item, gear.role);
    const bitrate = Math.max(1, Math.round((size * 8) / seconds));
    const kbps = Math.max(1, Math.round(bitrate / 1000));
    const codecFlag = gear.codecType === 'h264' ? 0 : 2;
    const primary = videoUrl(gear.role, kbps, codecFlag);
    const urlList = gear.hvc1First
      ? [videoUrl(gear.role, kbps, codecFlag, true), primary, awemePlayUrl]
      : [primary, awemePlayUrl];
    const { width, height } = DIMENSIONS[gear.resolution];
    return {
      Bitrate: bitrate,
      QualityType: gear.qualityType,
      GearName: gear.gearName,
      PlayAddr: {
        DataSize: countValue(size, ctx.flavor),
        Width: width,
        Height: height,
        Uri: item.videoStorageId,
        UrlList: urlList,
        UrlKey: `${item.videoStorageId}_${gear.urlKeyCodec}_${gear.resolution}p_${bitrate}`,
        FileHash: opaqueHash(id, gear.role),
        FileCs: `c:0-${Math.min(size, 99999)}-${opaqueHash(id, gear.role, 'cs').slice(0, 4)}`,
      },
      CodecType: gear.codecType,
    };
  });

  const main = bitrateInfo.find((b) => b.CodecType === 'h264') ?? bitrateInfo[0];
  const mainPlay = main?.PlayAddr;
  const width = mainPlay?.Width ?? 576;
  const height = mainPlay?.Height ?? 1024;
  const ratio = `${main?.GearName.split('_').at(-2) ?? '540'}p`;
  const cover = coverUrl(ctx, item, '~tplv-tiktokx-origin.image');
  const watermarkedSize = mediaSize(ctx, item, 'video_watermarked');
  return {
    id,
    height,
    width,
    duration: seconds,
    ratio,
    cover,
    originCover: coverUrl(ctx, item, '~tplv-tiktokx-origin-cover.image'),
    dynamicCover: coverUrl(ctx, item, '~tplv-tiktokx-dmt-dynamic.image'),
    playAddr: mainPlay?.UrlList[0] ?? '',
    downloadAddr: videoUrl('video_watermarked', Math.round((watermarkedSize * 8) / seconds / 1000), 0),
    shareCover: [''],
    reflowCover: '',
    bitrate: main?.Bitrate ?? 0,
    encodedType: 'normal',
    format: 'mp4',
    videoQuality: 'normal',
    encodeUserTag: '',
    codecType: main?.CodecType ?? 'h264',
    definition: ratio,
    subtitleInfos: [],
    zoomCover: Object.fromEntries(
      [240, 480, 720, 960].map((px) => [
        String(px),
        coverUrl(ctx, item, `~tplv-photomode-zoomcover:${px}:${px}.jpeg`),
      ]),
    ),
    volumeInfo: { Loudness: -16.2, Peak: 0.61 },
    bitrateInfo,
    PlayAddrStruct: mainPlay,
    size: countValue(Number(mainPlay?.DataSize ?? 0), ctx.flavor),
    VQScore: '70.5',
    claInfo: { hasOriginalAudio: false, enableAutoCaption: false, captionInfos: [], noCaptionReason: 3 },
    videoID: item.videoStorageId,
  };
}

/** A photo post's `video`: no stream, zero duration and size, covers only (§7 "Photo post"). */
function buildPhotoVideoStub(ctx: ItemStructContext, item: StoredItem) {
  const cover = coverUrl(ctx, item, '~tplv-photomode-video-cover:480:480.jpeg');
  return {
    id: '',
    height: 0,
    width: 0,
    duration: 0,
    ratio: '',
    cover,
    originCover: cover,
    dynamicCover: '',
    playAddr: '',
    downloadAddr: '',
    shareCover: [''],
    reflowCover: '',
    format: '',
    videoQuality: '',
    definition: '',
    size: countValue(0, ctx.flavor),
    VQScore: '0',
    videoID: '',
  };
}

function buildImagePost(ctx: ItemStructContext, item: StoredItem) {
  const images = Array.from({ length: item.data.imageCount }, (_, index) => {
    const { width, height } = FIXTURE_FACTS.imageSizes[index % FIXTURE_FACTS.imageSizes.length] ?? {
      width: 0,
      height: 0,
    };
    const url = (role: 'image' | 'image_webp', ext: string) =>
      signedObjectUrl(ctx.origin, ctx.signer, {
        bucket: 'tos-sim-i-photomode-0037',
        ownerId: item.data.id,
        role,
        index,
        suffix: `~tplv-photomode-image.${ext}`,
        expires: expiry(ctx),
      });
    return {
      imageURL: { urlList: [url('image', 'jpeg'), url('image_webp', 'webp')] },
      imageWidth: width,
      imageHeight: height,
    };
  });
  const first = images[0];
  return {
    images,
    cover: first,
    shareCover: first,
    title: item.data.caption,
  };
}

function buildMusic(ctx: ItemStructContext, item: StoredItem) {
  const mp3 = item.data.musicFormat === 'mp3';
  const avatars = avatarUrls(ctx, item.user);
  const seconds = FIXTURE_FACTS.musicSeconds;
  return {
    id: item.musicId,
    title: `original sound - ${item.user.nickname}`,
    playUrl: signedObjectUrl(ctx.origin, ctx.signer, {
      bucket: 'tos-sim-v-27dcd7',
      ownerId: item.data.id,
      role: 'audio',
      index: 0,
      suffix: mp3 ? '.mp3' : '.m4a',
      expires: expiry(ctx),
      extra: { mime_type: mp3 ? 'audio_mpeg' : 'audio_mp4' },
    }),
    coverLarge: avatars.avatarLarger,
    coverMedium: avatars.avatarMedium,
    coverThumb: avatars.avatarThumb,
    authorName: item.user.nickname,
    original: true,
    private: false,
    duration: seconds,
    album: '',
    scheduleSearchTime: 0,
    collected: false,
    preciseDuration: {
      preciseDuration: seconds,
      preciseShootDuration: seconds,
      preciseAuditionDuration: seconds,
      preciseVideoDuration: seconds,
    },
    isCopyrighted: false,
  };
}

export function buildItemStruct(ctx: ItemStructContext, item: StoredItem): Record<string, unknown> {
  const { data, counts, user } = item;
  const ageGated = data.visibility === 'age_restricted';
  const media = ageGated
    ? {}
    : data.kind === 'photo'
      ? { video: buildPhotoVideoStub(ctx, item) }
      : { video: buildVideo(ctx, item) };
  const authorVideos = 1 + (Number(BigInt(user.id) % 200n) | 0);
  const authorStats = {
    followerCount: counts.play * 3,
    followingCount: 42,
    heart: counts.digg * 12,
    heartCount: counts.digg * 12,
    videoCount: authorVideos,
    diggCount: 0,
    friendCount: 7,
  };
  return {
    id: data.id,
    desc: data.caption,
    createTime: countValue(data.createTimeSeconds, ctx.flavor),
    scheduleTime: 0,
    ...media,
    author: buildAuthor(ctx, user),
    music: buildMusic(ctx, item),
    challenges: [],
    stats: {
      diggCount: counts.digg,
      shareCount: counts.share,
      commentCount: counts.comment,
      playCount: counts.play,
      collectCount: countValue(counts.collect, ctx.flavor),
    },
    statsV2: {
      diggCount: String(counts.digg),
      shareCount: String(counts.share),
      commentCount: String(counts.comment),
      playCount: String(counts.play),
      collectCount: String(counts.collect),
      repostCount: '0',
    },
    warnInfo: [],
    originalItem: false,
    officalItem: false,
    textExtra: [],
    secret: false,
    forFriend: false,
    digged: false,
    itemCommentStatus: 0,
    takeDown: 0,
    effectStickers: [],
    authorStats,
    privateItem: false,
    duetEnabled: true,
    stitchEnabled: true,
    stickersOnItem: [],
    isAd: false,
    shareEnabled: true,
    comments: [],
    duetDisplay: 0,
    stitchDisplay: 0,
    indexEnabled: true,
    locationCreated: 'US',
    suggestedWords: [],
    contents: [{ desc: data.caption, textExtra: [] }],
    collected: false,
    channelTags: [],
    ...(data.kind === 'photo' && !ageGated ? { imagePost: buildImagePost(ctx, item) } : {}),
    item_control: { can_repost: true, can_share: true, can_comment: true },
    IsAigc: false,
    AIGCDescription: '',
    CategoryType: 104,
    textLanguage: 'en',
    textTranslatable: true,
    isContentClassified: ageGated,
    authorStatsV2: Object.fromEntries(Object.entries(authorStats).map(([k, v]) => [k, String(v)])),
  };
}
