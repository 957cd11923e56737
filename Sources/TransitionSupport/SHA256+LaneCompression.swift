/// SHA-256 state for `LaneState.Words.scalarCount` messages at once, and the compression function
/// on every lane: the scalar rounds of `SHA256+Compression`, with each word a vector holding one
/// message's word per lane.
///
/// Only `&+` on integer vectors is a vector instruction by construction; shifts and bitwise
/// operators are element loops that LLVM's vectorizer turns back into vector instructions. Two
/// things keep it doing so: each rotation is split into its two shifts, and the shifts are paired so
/// that no two halves of the same rotation meet in one operation. Written as rotations (or as their
/// halves side by side), LLVM recognises rotates, which SSE2 lacks, and emits them lane by lane,
/// which is slower than the scalar hash. `SHA256LanesTests` compares every length against `SHA256.hash`.
struct LaneState {
    /// One 32-bit word per lane.
    typealias Words = SIMD4<UInt32>

    var h0 = Words(repeating: 0x6a09_e667)
    var h1 = Words(repeating: 0xbb67_ae85)
    var h2 = Words(repeating: 0x3c6e_f372)
    var h3 = Words(repeating: 0xa54f_f53a)
    var h4 = Words(repeating: 0x510e_527f)
    var h5 = Words(repeating: 0x9b05_688c)
    var h6 = Words(repeating: 0x1f83_d9ab)
    var h7 = Words(repeating: 0x5be0_cd19)

    /// Puts the initial hash value in every lane whose `mask` word is all ones (one vector
    /// operation per word, rather than lane-by-lane writes into vectors that `compress` then reads).
    mutating func reset(where mask: Words) {
        let initial = LaneState()
        h0 ^= (h0 ^ initial.h0) & mask
        h1 ^= (h1 ^ initial.h1) & mask
        h2 ^= (h2 ^ initial.h2) & mask
        h3 ^= (h3 ^ initial.h3) & mask
        h4 ^= (h4 ^ initial.h4) & mask
        h5 ^= (h5 ^ initial.h5) & mask
        h6 ^= (h6 ^ initial.h6) & mask
        h7 ^= (h7 ^ initial.h7) & mask
    }

    /// The digest held in `lane`.
    func digest(lane: Int) -> SHA256Digest {
        SHA256Digest(state: SHA256.State(
            h0: h0[lane], h1: h1[lane], h2: h2[lane], h3: h3[lane], h4: h4[lane], h5: h5[lane], h6: h6[lane], h7: h7[lane]))
    }
}

extension LaneState {
    // σ0, σ1, Σ0, Σ1 as shift pairs that never complete a rotation (see the type's comment).

    @inline(__always)
    private static func sigma0(_ x: Words) -> Words {
        ((x &>> 7) ^ (x &<< 14)) ^ ((x &>> 18) ^ (x &<< 25)) ^ (x &>> 3)
    }

    @inline(__always)
    private static func sigma1(_ x: Words) -> Words {
        ((x &>> 17) ^ (x &<< 13)) ^ ((x &>> 19) ^ (x &<< 15)) ^ (x &>> 10)
    }

    @inline(__always)
    private static func bigSigma0(_ x: Words) -> Words {
        ((x &>> 2) ^ (x &<< 19)) ^ ((x &>> 13) ^ (x &<< 10)) ^ ((x &>> 22) ^ (x &<< 30))
    }

    @inline(__always)
    private static func bigSigma1(_ x: Words) -> Words {
        ((x &>> 6) ^ (x &<< 21)) ^ ((x &>> 11) ^ (x &<< 7)) ^ ((x &>> 25) ^ (x &<< 26))
    }

    /// One round with the working variables renamed: `d += T1`, `h = T1 + T2`. `bXorC` carries
    /// `b ^ c` in and `a ^ b` out (the next round's `b ^ c`), so the majority costs three operations.
    @inline(__always)
    private static func round(
        _ a: Words, _ b: Words, _ c: Words, _ d: inout Words, _ e: Words, _ f: Words, _ g: Words, _ h: inout Words,
        _ constantPlusWord: Words, _ bXorC: inout Words
    ) {
        let choice = g ^ (e & (f ^ g))
        let t1 = h &+ bigSigma1(e) &+ choice &+ constantPlusWord
        let aXorB = a ^ b
        let majority = b ^ (aXorB & bXorC)
        bXorC = aXorB
        d = d &+ t1
        h = t1 &+ bigSigma0(a) &+ majority
    }

    /// Word `index` of every lane's block, read big-endian.
    @inline(__always)
    private static func word(_ blocks: UnsafePointer<UnsafeRawPointer>, _ index: Int) -> Words {
        var words = Words()
        for lane in 0..<Words.scalarCount {
            words[lane] = UInt32(bigEndian: blocks[lane].loadUnaligned(fromByteOffset: index &* 4, as: UInt32.self))
        }
        return words
    }

    /// Compresses one 64-byte block per lane (`blocks[lane]`) into `state`.
    static func compress(_ state: inout LaneState, _ blocks: UnsafePointer<UnsafeRawPointer>) {
        var w0 = word(blocks, 0), w1 = word(blocks, 1), w2 = word(blocks, 2), w3 = word(blocks, 3)
        var w4 = word(blocks, 4), w5 = word(blocks, 5), w6 = word(blocks, 6), w7 = word(blocks, 7)
        var w8 = word(blocks, 8), w9 = word(blocks, 9), w10 = word(blocks, 10), w11 = word(blocks, 11)
        var w12 = word(blocks, 12), w13 = word(blocks, 13), w14 = word(blocks, 14), w15 = word(blocks, 15)
        var a = state.h0, b = state.h1, c = state.h2, d = state.h3
        var e = state.h4, f = state.h5, g = state.h6, h = state.h7
        var carry = b ^ c
        round(a, b, c, &d, e, f, g, &h, w0 &+ 0x428a_2f98, &carry)
        round(h, a, b, &c, d, e, f, &g, w1 &+ 0x7137_4491, &carry)
        round(g, h, a, &b, c, d, e, &f, w2 &+ 0xb5c0_fbcf, &carry)
        round(f, g, h, &a, b, c, d, &e, w3 &+ 0xe9b5_dba5, &carry)
        round(e, f, g, &h, a, b, c, &d, w4 &+ 0x3956_c25b, &carry)
        round(d, e, f, &g, h, a, b, &c, w5 &+ 0x59f1_11f1, &carry)
        round(c, d, e, &f, g, h, a, &b, w6 &+ 0x923f_82a4, &carry)
        round(b, c, d, &e, f, g, h, &a, w7 &+ 0xab1c_5ed5, &carry)
        round(a, b, c, &d, e, f, g, &h, w8 &+ 0xd807_aa98, &carry)
        round(h, a, b, &c, d, e, f, &g, w9 &+ 0x1283_5b01, &carry)
        round(g, h, a, &b, c, d, e, &f, w10 &+ 0x2431_85be, &carry)
        round(f, g, h, &a, b, c, d, &e, w11 &+ 0x550c_7dc3, &carry)
        round(e, f, g, &h, a, b, c, &d, w12 &+ 0x72be_5d74, &carry)
        round(d, e, f, &g, h, a, b, &c, w13 &+ 0x80de_b1fe, &carry)
        round(c, d, e, &f, g, h, a, &b, w14 &+ 0x9bdc_06a7, &carry)
        round(b, c, d, &e, f, g, h, &a, w15 &+ 0xc19b_f174, &carry)
        w0 = w0 &+ sigma0(w1) &+ w9 &+ sigma1(w14)
        round(a, b, c, &d, e, f, g, &h, w0 &+ 0xe49b_69c1, &carry)
        w1 = w1 &+ sigma0(w2) &+ w10 &+ sigma1(w15)
        round(h, a, b, &c, d, e, f, &g, w1 &+ 0xefbe_4786, &carry)
        w2 = w2 &+ sigma0(w3) &+ w11 &+ sigma1(w0)
        round(g, h, a, &b, c, d, e, &f, w2 &+ 0x0fc1_9dc6, &carry)
        w3 = w3 &+ sigma0(w4) &+ w12 &+ sigma1(w1)
        round(f, g, h, &a, b, c, d, &e, w3 &+ 0x240c_a1cc, &carry)
        w4 = w4 &+ sigma0(w5) &+ w13 &+ sigma1(w2)
        round(e, f, g, &h, a, b, c, &d, w4 &+ 0x2de9_2c6f, &carry)
        w5 = w5 &+ sigma0(w6) &+ w14 &+ sigma1(w3)
        round(d, e, f, &g, h, a, b, &c, w5 &+ 0x4a74_84aa, &carry)
        w6 = w6 &+ sigma0(w7) &+ w15 &+ sigma1(w4)
        round(c, d, e, &f, g, h, a, &b, w6 &+ 0x5cb0_a9dc, &carry)
        w7 = w7 &+ sigma0(w8) &+ w0 &+ sigma1(w5)
        round(b, c, d, &e, f, g, h, &a, w7 &+ 0x76f9_88da, &carry)
        w8 = w8 &+ sigma0(w9) &+ w1 &+ sigma1(w6)
        round(a, b, c, &d, e, f, g, &h, w8 &+ 0x983e_5152, &carry)
        w9 = w9 &+ sigma0(w10) &+ w2 &+ sigma1(w7)
        round(h, a, b, &c, d, e, f, &g, w9 &+ 0xa831_c66d, &carry)
        w10 = w10 &+ sigma0(w11) &+ w3 &+ sigma1(w8)
        round(g, h, a, &b, c, d, e, &f, w10 &+ 0xb003_27c8, &carry)
        w11 = w11 &+ sigma0(w12) &+ w4 &+ sigma1(w9)
        round(f, g, h, &a, b, c, d, &e, w11 &+ 0xbf59_7fc7, &carry)
        w12 = w12 &+ sigma0(w13) &+ w5 &+ sigma1(w10)
        round(e, f, g, &h, a, b, c, &d, w12 &+ 0xc6e0_0bf3, &carry)
        w13 = w13 &+ sigma0(w14) &+ w6 &+ sigma1(w11)
        round(d, e, f, &g, h, a, b, &c, w13 &+ 0xd5a7_9147, &carry)
        w14 = w14 &+ sigma0(w15) &+ w7 &+ sigma1(w12)
        round(c, d, e, &f, g, h, a, &b, w14 &+ 0x06ca_6351, &carry)
        w15 = w15 &+ sigma0(w0) &+ w8 &+ sigma1(w13)
        round(b, c, d, &e, f, g, h, &a, w15 &+ 0x1429_2967, &carry)
        w0 = w0 &+ sigma0(w1) &+ w9 &+ sigma1(w14)
        round(a, b, c, &d, e, f, g, &h, w0 &+ 0x27b7_0a85, &carry)
        w1 = w1 &+ sigma0(w2) &+ w10 &+ sigma1(w15)
        round(h, a, b, &c, d, e, f, &g, w1 &+ 0x2e1b_2138, &carry)
        w2 = w2 &+ sigma0(w3) &+ w11 &+ sigma1(w0)
        round(g, h, a, &b, c, d, e, &f, w2 &+ 0x4d2c_6dfc, &carry)
        w3 = w3 &+ sigma0(w4) &+ w12 &+ sigma1(w1)
        round(f, g, h, &a, b, c, d, &e, w3 &+ 0x5338_0d13, &carry)
        w4 = w4 &+ sigma0(w5) &+ w13 &+ sigma1(w2)
        round(e, f, g, &h, a, b, c, &d, w4 &+ 0x650a_7354, &carry)
        w5 = w5 &+ sigma0(w6) &+ w14 &+ sigma1(w3)
        round(d, e, f, &g, h, a, b, &c, w5 &+ 0x766a_0abb, &carry)
        w6 = w6 &+ sigma0(w7) &+ w15 &+ sigma1(w4)
        round(c, d, e, &f, g, h, a, &b, w6 &+ 0x81c2_c92e, &carry)
        w7 = w7 &+ sigma0(w8) &+ w0 &+ sigma1(w5)
        round(b, c, d, &e, f, g, h, &a, w7 &+ 0x9272_2c85, &carry)
        w8 = w8 &+ sigma0(w9) &+ w1 &+ sigma1(w6)
        round(a, b, c, &d, e, f, g, &h, w8 &+ 0xa2bf_e8a1, &carry)
        w9 = w9 &+ sigma0(w10) &+ w2 &+ sigma1(w7)
        round(h, a, b, &c, d, e, f, &g, w9 &+ 0xa81a_664b, &carry)
        w10 = w10 &+ sigma0(w11) &+ w3 &+ sigma1(w8)
        round(g, h, a, &b, c, d, e, &f, w10 &+ 0xc24b_8b70, &carry)
        w11 = w11 &+ sigma0(w12) &+ w4 &+ sigma1(w9)
        round(f, g, h, &a, b, c, d, &e, w11 &+ 0xc76c_51a3, &carry)
        w12 = w12 &+ sigma0(w13) &+ w5 &+ sigma1(w10)
        round(e, f, g, &h, a, b, c, &d, w12 &+ 0xd192_e819, &carry)
        w13 = w13 &+ sigma0(w14) &+ w6 &+ sigma1(w11)
        round(d, e, f, &g, h, a, b, &c, w13 &+ 0xd699_0624, &carry)
        w14 = w14 &+ sigma0(w15) &+ w7 &+ sigma1(w12)
        round(c, d, e, &f, g, h, a, &b, w14 &+ 0xf40e_3585, &carry)
        w15 = w15 &+ sigma0(w0) &+ w8 &+ sigma1(w13)
        round(b, c, d, &e, f, g, h, &a, w15 &+ 0x106a_a070, &carry)
        w0 = w0 &+ sigma0(w1) &+ w9 &+ sigma1(w14)
        round(a, b, c, &d, e, f, g, &h, w0 &+ 0x19a4_c116, &carry)
        w1 = w1 &+ sigma0(w2) &+ w10 &+ sigma1(w15)
        round(h, a, b, &c, d, e, f, &g, w1 &+ 0x1e37_6c08, &carry)
        w2 = w2 &+ sigma0(w3) &+ w11 &+ sigma1(w0)
        round(g, h, a, &b, c, d, e, &f, w2 &+ 0x2748_774c, &carry)
        w3 = w3 &+ sigma0(w4) &+ w12 &+ sigma1(w1)
        round(f, g, h, &a, b, c, d, &e, w3 &+ 0x34b0_bcb5, &carry)
        w4 = w4 &+ sigma0(w5) &+ w13 &+ sigma1(w2)
        round(e, f, g, &h, a, b, c, &d, w4 &+ 0x391c_0cb3, &carry)
        w5 = w5 &+ sigma0(w6) &+ w14 &+ sigma1(w3)
        round(d, e, f, &g, h, a, b, &c, w5 &+ 0x4ed8_aa4a, &carry)
        w6 = w6 &+ sigma0(w7) &+ w15 &+ sigma1(w4)
        round(c, d, e, &f, g, h, a, &b, w6 &+ 0x5b9c_ca4f, &carry)
        w7 = w7 &+ sigma0(w8) &+ w0 &+ sigma1(w5)
        round(b, c, d, &e, f, g, h, &a, w7 &+ 0x682e_6ff3, &carry)
        w8 = w8 &+ sigma0(w9) &+ w1 &+ sigma1(w6)
        round(a, b, c, &d, e, f, g, &h, w8 &+ 0x748f_82ee, &carry)
        w9 = w9 &+ sigma0(w10) &+ w2 &+ sigma1(w7)
        round(h, a, b, &c, d, e, f, &g, w9 &+ 0x78a5_636f, &carry)
        w10 = w10 &+ sigma0(w11) &+ w3 &+ sigma1(w8)
        round(g, h, a, &b, c, d, e, &f, w10 &+ 0x84c8_7814, &carry)
        w11 = w11 &+ sigma0(w12) &+ w4 &+ sigma1(w9)
        round(f, g, h, &a, b, c, d, &e, w11 &+ 0x8cc7_0208, &carry)
        w12 = w12 &+ sigma0(w13) &+ w5 &+ sigma1(w10)
        round(e, f, g, &h, a, b, c, &d, w12 &+ 0x90be_fffa, &carry)
        w13 = w13 &+ sigma0(w14) &+ w6 &+ sigma1(w11)
        round(d, e, f, &g, h, a, b, &c, w13 &+ 0xa450_6ceb, &carry)
        w14 = w14 &+ sigma0(w15) &+ w7 &+ sigma1(w12)
        round(c, d, e, &f, g, h, a, &b, w14 &+ 0xbef9_a3f7, &carry)
        w15 = w15 &+ sigma0(w0) &+ w8 &+ sigma1(w13)
        round(b, c, d, &e, f, g, h, &a, w15 &+ 0xc671_78f2, &carry)
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
