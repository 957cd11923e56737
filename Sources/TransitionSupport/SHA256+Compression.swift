/// The SHA-256 compression function, unrolled, over raw memory.
///
/// Each block's sixteen message words live in locals (a rolling window, so the schedule needs no
/// array), the 64 rounds are written out with the working variables renamed instead of shifted, and
/// words are read as unaligned big-endian loads straight from the caller's buffer: no allocation
/// and no copying per block.
extension SHA256 {
    /// The eight working words `H0`...`H7`.
    struct State: Sendable {
        var h0: UInt32 = 0x6a09_e667
        var h1: UInt32 = 0xbb67_ae85
        var h2: UInt32 = 0x3c6e_f372
        var h3: UInt32 = 0xa54f_f53a
        var h4: UInt32 = 0x510e_527f
        var h5: UInt32 = 0x9b05_688c
        var h6: UInt32 = 0x1f83_d9ab
        var h7: UInt32 = 0x5be0_cd19
    }

    @inline(__always)
    private static func rotateRight(_ value: UInt32, _ count: UInt32) -> UInt32 {
        (value &>> count) | (value &<< (32 &- count))
    }

    @inline(__always)
    private static func sigma0(_ x: UInt32) -> UInt32 { rotateRight(x, 7) ^ rotateRight(x, 18) ^ (x &>> 3) }

    @inline(__always)
    private static func sigma1(_ x: UInt32) -> UInt32 { rotateRight(x, 17) ^ rotateRight(x, 19) ^ (x &>> 10) }

    /// One round with the working variables renamed: `d += T1`, `h = T1 + T2`.
    @inline(__always)
    private static func round(
        _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32, _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32,
        _ constantPlusWord: UInt32
    ) {
        let bigSigma1 = rotateRight(e, 6) ^ rotateRight(e, 11) ^ rotateRight(e, 25)
        let choice = g ^ (e & (f ^ g))
        let t1 = h &+ bigSigma1 &+ choice &+ constantPlusWord
        let bigSigma0 = rotateRight(a, 2) ^ rotateRight(a, 13) ^ rotateRight(a, 22)
        let majority = (a & b) | (c & (a | b))
        d = d &+ t1
        h = t1 &+ bigSigma0 &+ majority
    }

    @inline(__always)
    private static func word(_ pointer: UnsafeRawPointer, _ index: Int) -> UInt32 {
        UInt32(bigEndian: pointer.loadUnaligned(fromByteOffset: index &* 4, as: UInt32.self))
    }

    /// Processes `blockCount` consecutive 64-byte blocks starting at `pointer`.
    static func compress(_ state: inout State, _ pointer: UnsafeRawPointer, blockCount: Int) {
        var block = pointer
        for _ in 0..<blockCount {
            compressBlock(&state, block)
            block += 64
        }
    }

    @inline(__always)
    private static func compressBlock(_ state: inout State, _ p: UnsafeRawPointer) {
        var w0 = word(p, 0), w1 = word(p, 1), w2 = word(p, 2), w3 = word(p, 3)
        var w4 = word(p, 4), w5 = word(p, 5), w6 = word(p, 6), w7 = word(p, 7)
        var w8 = word(p, 8), w9 = word(p, 9), w10 = word(p, 10), w11 = word(p, 11)
        var w12 = word(p, 12), w13 = word(p, 13), w14 = word(p, 14), w15 = word(p, 15)
        var a = state.h0, b = state.h1, c = state.h2, d = state.h3
        var e = state.h4, f = state.h5, g = state.h6, h = state.h7
        round(a, b, c, &d, e, f, g, &h, 0x428a_2f98 &+ w0)
        round(h, a, b, &c, d, e, f, &g, 0x7137_4491 &+ w1)
        round(g, h, a, &b, c, d, e, &f, 0xb5c0_fbcf &+ w2)
        round(f, g, h, &a, b, c, d, &e, 0xe9b5_dba5 &+ w3)
        round(e, f, g, &h, a, b, c, &d, 0x3956_c25b &+ w4)
        round(d, e, f, &g, h, a, b, &c, 0x59f1_11f1 &+ w5)
        round(c, d, e, &f, g, h, a, &b, 0x923f_82a4 &+ w6)
        round(b, c, d, &e, f, g, h, &a, 0xab1c_5ed5 &+ w7)
        round(a, b, c, &d, e, f, g, &h, 0xd807_aa98 &+ w8)
        round(h, a, b, &c, d, e, f, &g, 0x1283_5b01 &+ w9)
        round(g, h, a, &b, c, d, e, &f, 0x2431_85be &+ w10)
        round(f, g, h, &a, b, c, d, &e, 0x550c_7dc3 &+ w11)
        round(e, f, g, &h, a, b, c, &d, 0x72be_5d74 &+ w12)
        round(d, e, f, &g, h, a, b, &c, 0x80de_b1fe &+ w13)
        round(c, d, e, &f, g, h, a, &b, 0x9bdc_06a7 &+ w14)
        round(b, c, d, &e, f, g, h, &a, 0xc19b_f174 &+ w15)
        w0 = w0 &+ sigma0(w1) &+ w9 &+ sigma1(w14)
        round(a, b, c, &d, e, f, g, &h, 0xe49b_69c1 &+ w0)
        w1 = w1 &+ sigma0(w2) &+ w10 &+ sigma1(w15)
        round(h, a, b, &c, d, e, f, &g, 0xefbe_4786 &+ w1)
        w2 = w2 &+ sigma0(w3) &+ w11 &+ sigma1(w0)
        round(g, h, a, &b, c, d, e, &f, 0x0fc1_9dc6 &+ w2)
        w3 = w3 &+ sigma0(w4) &+ w12 &+ sigma1(w1)
        round(f, g, h, &a, b, c, d, &e, 0x240c_a1cc &+ w3)
        w4 = w4 &+ sigma0(w5) &+ w13 &+ sigma1(w2)
        round(e, f, g, &h, a, b, c, &d, 0x2de9_2c6f &+ w4)
        w5 = w5 &+ sigma0(w6) &+ w14 &+ sigma1(w3)
        round(d, e, f, &g, h, a, b, &c, 0x4a74_84aa &+ w5)
        w6 = w6 &+ sigma0(w7) &+ w15 &+ sigma1(w4)
        round(c, d, e, &f, g, h, a, &b, 0x5cb0_a9dc &+ w6)
        w7 = w7 &+ sigma0(w8) &+ w0 &+ sigma1(w5)
        round(b, c, d, &e, f, g, h, &a, 0x76f9_88da &+ w7)
        w8 = w8 &+ sigma0(w9) &+ w1 &+ sigma1(w6)
        round(a, b, c, &d, e, f, g, &h, 0x983e_5152 &+ w8)
        w9 = w9 &+ sigma0(w10) &+ w2 &+ sigma1(w7)
        round(h, a, b, &c, d, e, f, &g, 0xa831_c66d &+ w9)
        w10 = w10 &+ sigma0(w11) &+ w3 &+ sigma1(w8)
        round(g, h, a, &b, c, d, e, &f, 0xb003_27c8 &+ w10)
        w11 = w11 &+ sigma0(w12) &+ w4 &+ sigma1(w9)
        round(f, g, h, &a, b, c, d, &e, 0xbf59_7fc7 &+ w11)
        w12 = w12 &+ sigma0(w13) &+ w5 &+ sigma1(w10)
        round(e, f, g, &h, a, b, c, &d, 0xc6e0_0bf3 &+ w12)
        w13 = w13 &+ sigma0(w14) &+ w6 &+ sigma1(w11)
        round(d, e, f, &g, h, a, b, &c, 0xd5a7_9147 &+ w13)
        w14 = w14 &+ sigma0(w15) &+ w7 &+ sigma1(w12)
        round(c, d, e, &f, g, h, a, &b, 0x06ca_6351 &+ w14)
        w15 = w15 &+ sigma0(w0) &+ w8 &+ sigma1(w13)
        round(b, c, d, &e, f, g, h, &a, 0x1429_2967 &+ w15)
        w0 = w0 &+ sigma0(w1) &+ w9 &+ sigma1(w14)
        round(a, b, c, &d, e, f, g, &h, 0x27b7_0a85 &+ w0)
        w1 = w1 &+ sigma0(w2) &+ w10 &+ sigma1(w15)
        round(h, a, b, &c, d, e, f, &g, 0x2e1b_2138 &+ w1)
        w2 = w2 &+ sigma0(w3) &+ w11 &+ sigma1(w0)
        round(g, h, a, &b, c, d, e, &f, 0x4d2c_6dfc &+ w2)
        w3 = w3 &+ sigma0(w4) &+ w12 &+ sigma1(w1)
        round(f, g, h, &a, b, c, d, &e, 0x5338_0d13 &+ w3)
        w4 = w4 &+ sigma0(w5) &+ w13 &+ sigma1(w2)
        round(e, f, g, &h, a, b, c, &d, 0x650a_7354 &+ w4)
        w5 = w5 &+ sigma0(w6) &+ w14 &+ sigma1(w3)
        round(d, e, f, &g, h, a, b, &c, 0x766a_0abb &+ w5)
        w6 = w6 &+ sigma0(w7) &+ w15 &+ sigma1(w4)
        round(c, d, e, &f, g, h, a, &b, 0x81c2_c92e &+ w6)
        w7 = w7 &+ sigma0(w8) &+ w0 &+ sigma1(w5)
        round(b, c, d, &e, f, g, h, &a, 0x9272_2c85 &+ w7)
        w8 = w8 &+ sigma0(w9) &+ w1 &+ sigma1(w6)
        round(a, b, c, &d, e, f, g, &h, 0xa2bf_e8a1 &+ w8)
        w9 = w9 &+ sigma0(w10) &+ w2 &+ sigma1(w7)
        round(h, a, b, &c, d, e, f, &g, 0xa81a_664b &+ w9)
        w10 = w10 &+ sigma0(w11) &+ w3 &+ sigma1(w8)
        round(g, h, a, &b, c, d, e, &f, 0xc24b_8b70 &+ w10)
        w11 = w11 &+ sigma0(w12) &+ w4 &+ sigma1(w9)
        round(f, g, h, &a, b, c, d, &e, 0xc76c_51a3 &+ w11)
        w12 = w12 &+ sigma0(w13) &+ w5 &+ sigma1(w10)
        round(e, f, g, &h, a, b, c, &d, 0xd192_e819 &+ w12)
        w13 = w13 &+ sigma0(w14) &+ w6 &+ sigma1(w11)
        round(d, e, f, &g, h, a, b, &c, 0xd699_0624 &+ w13)
        w14 = w14 &+ sigma0(w15) &+ w7 &+ sigma1(w12)
        round(c, d, e, &f, g, h, a, &b, 0xf40e_3585 &+ w14)
        w15 = w15 &+ sigma0(w0) &+ w8 &+ sigma1(w13)
        round(b, c, d, &e, f, g, h, &a, 0x106a_a070 &+ w15)
        w0 = w0 &+ sigma0(w1) &+ w9 &+ sigma1(w14)
        round(a, b, c, &d, e, f, g, &h, 0x19a4_c116 &+ w0)
        w1 = w1 &+ sigma0(w2) &+ w10 &+ sigma1(w15)
        round(h, a, b, &c, d, e, f, &g, 0x1e37_6c08 &+ w1)
        w2 = w2 &+ sigma0(w3) &+ w11 &+ sigma1(w0)
        round(g, h, a, &b, c, d, e, &f, 0x2748_774c &+ w2)
        w3 = w3 &+ sigma0(w4) &+ w12 &+ sigma1(w1)
        round(f, g, h, &a, b, c, d, &e, 0x34b0_bcb5 &+ w3)
        w4 = w4 &+ sigma0(w5) &+ w13 &+ sigma1(w2)
        round(e, f, g, &h, a, b, c, &d, 0x391c_0cb3 &+ w4)
        w5 = w5 &+ sigma0(w6) &+ w14 &+ sigma1(w3)
        round(d, e, f, &g, h, a, b, &c, 0x4ed8_aa4a &+ w5)
        w6 = w6 &+ sigma0(w7) &+ w15 &+ sigma1(w4)
        round(c, d, e, &f, g, h, a, &b, 0x5b9c_ca4f &+ w6)
        w7 = w7 &+ sigma0(w8) &+ w0 &+ sigma1(w5)
        round(b, c, d, &e, f, g, h, &a, 0x682e_6ff3 &+ w7)
        w8 = w8 &+ sigma0(w9) &+ w1 &+ sigma1(w6)
        round(a, b, c, &d, e, f, g, &h, 0x748f_82ee &+ w8)
        w9 = w9 &+ sigma0(w10) &+ w2 &+ sigma1(w7)
        round(h, a, b, &c, d, e, f, &g, 0x78a5_636f &+ w9)
        w10 = w10 &+ sigma0(w11) &+ w3 &+ sigma1(w8)
        round(g, h, a, &b, c, d, e, &f, 0x84c8_7814 &+ w10)
        w11 = w11 &+ sigma0(w12) &+ w4 &+ sigma1(w9)
        round(f, g, h, &a, b, c, d, &e, 0x8cc7_0208 &+ w11)
        w12 = w12 &+ sigma0(w13) &+ w5 &+ sigma1(w10)
        round(e, f, g, &h, a, b, c, &d, 0x90be_fffa &+ w12)
        w13 = w13 &+ sigma0(w14) &+ w6 &+ sigma1(w11)
        round(d, e, f, &g, h, a, b, &c, 0xa450_6ceb &+ w13)
        w14 = w14 &+ sigma0(w15) &+ w7 &+ sigma1(w12)
        round(c, d, e, &f, g, h, a, &b, 0xbef9_a3f7 &+ w14)
        w15 = w15 &+ sigma0(w0) &+ w8 &+ sigma1(w13)
        round(b, c, d, &e, f, g, h, &a, 0xc671_78f2 &+ w15)
        state.h0 = state.h0 &+ a
        state.h1 = state.h1 &+ b
        state.h2 = state.h2 &+ c
        state.h3 = state.h3 &+ d
        state.h4 = state.h4 &+ e
        state.h5 = state.h5 &+ f
        state.h6 = state.h6 &+ g
        state.h7 = state.h7 &+ h
    }
}
