import Testing
import TestSupport
@testable import ServiceDomain

/// The validators return already-normal input at once (the CSV import runs them on every cell);
/// these shortcuts must give exactly what the full checks give, for any input.
struct ShortcutTests {
    /// Characters that matter to one validator or another: ASCII letters, digits and marks, spaces of
    /// several kinds, full-width forms, Han characters, dots and dashes, controls, bidi marks, a
    /// combining accent, an emoji.
    static let pool: [Unicode.Scalar] = Array("aZIOQX09138 -.·・,'()&粤京学王芳李使１Ａ　—–\u{00A0}\u{2028}\u{200B}\u{202E}\u{1B}\u{9B}\t\r\n\u{301}😀".unicodeScalars)

    /// Deterministic random strings from `pool`, plus normal values and the hostile corpus.
    static var inputs: [String] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var result = ["", "王芳", "John", "13812345678", "0755-1234567", "粤A12345", "粤B12345学", "LSVAU2180N2183294",
                      "1M8GDM9AXKP042788", "LSVAU2180N2183295", "王芳 ", " 王芳", "a b", "王芳王芳王芳王芳王芳王芳王芳王芳王芳王芳王芳"
                          + "王芳王芳王芳王芳王芳王芳王芳王芳王芳王芳"]
        result += HostileCorpus.all
        for _ in 0..<4_000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<next(20) { text.append(pool[next(pool.count)]) }
            result.append(String(text))
        }
        // Shapes that reach the shortcuts: 11 digits, 17 VIN characters, plates, long Han names.
        for _ in 0..<2_000 {
            result.append(String((0..<11).map { _ in Array("0123456789")[next(10)] }))
            result.append(String((0..<17).map { _ in Array("0123456789ABCDEFGHJKLMNPRSTUVWXYZIOQ")[next(36)] }))
            result.append("粤" + String((0..<6).map { _ in Array("ABDFIO0123456789学")[next(17)] }))
            result.append(String((0..<(35 + next(10))).map { _ in Array("王芳李Ab")[next(5)] }))
        }
        return result
    }

    private static func same(_ a: () throws -> String, _ b: () throws -> String) -> Bool {
        switch (Result(catching: a), Result(catching: b)) {
        case (.success(let x), .success(let y)): return x == y
        case (.failure(let x as ValidationError), .failure(let y as ValidationError)): return x == y
        default: return false
        }
    }

    @Test func sanitizeReturnsCleanTextAsTheFullPassWould() {
        for text in Self.inputs {
            #expect(FreeText.sanitize(text) == FreeText.sanitizeInFull(text), "\(text.debugDescription)")
        }
    }

    @Test func normalizedVINsPlatesAndPhonesAreReturnedAsTheFullPassWould() {
        for text in Self.inputs {
            #expect(VIN.normalize(text) == VIN.normalizeInFull(text), "\(text.debugDescription)")
            #expect(Plate.normalize(text) == Plate.normalizeInFull(text), "\(text.debugDescription)")
            for check in [true, false] {
                #expect(Self.same({ try VIN.validate(text, requireCheckDigit: check) },
                                  { try VIN.validateInFull(text, requireCheckDigit: check) }), "\(text.debugDescription)")
            }
            #expect(Self.same({ try PhoneNumber.validate(text) }, { try PhoneNumber.validateInFull(text) }),
                    "\(text.debugDescription)")
            #expect(Self.same({ try PersonName.validate(text) }, { try PersonName.validateInFull(text) }),
                    "\(text.debugDescription)")
        }
    }
}
