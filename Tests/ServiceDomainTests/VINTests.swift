import Testing
@testable import ServiceDomain

/// Check digits of these were computed by hand from GB 16735 (and by an independent script).
private let validVINs = [
    "1M8GDM9AXKP042788",  // the textbook example, check digit X
    "LSVAU218XN2183294",
    "LFV2A21K1G3043152",
    "LSGGA54Y3BS123456",
    "WDDGF4HB0CA123456",
    "LHGCR2651J8012345",
]

@Suite struct VINTests {
    @Test(arguments: validVINs)
    func validVINsPass(_ vin: String) throws {
        #expect(try VIN.validate(vin) == vin)
        #expect(VIN.expectedCheckDigit(vin) == Array(vin)[8])
    }

    @Test func normalizeFoldsCaseWidthSpacesAndDashes() {
        #expect(VIN.normalize(" lsvau218xn2183294 ") == "LSVAU218XN2183294")
        #expect(VIN.normalize("ＬＳＶＡＵ２１８ＸＮ２１８３２９４") == "LSVAU218XN2183294")
        #expect(VIN.normalize("LSV-AU218-XN21 83294") == "LSVAU218XN2183294")
        #expect(VIN.normalize("LSVAU218X\u{3000}N2183294") == "LSVAU218XN2183294")
    }

    @Test func validateAcceptsMessyTypingAndReturnsNormalized() throws {
        #expect(try VIN.validate("lsvau218xn2183294") == "LSVAU218XN2183294")
        #expect(try VIN.validate("ｌｓｖａｕ２１８ｘｎ２１８３２９４") == "LSVAU218XN2183294")
        #expect(try VIN.validate("1M8 GDM9 AXKP 042788") == "1M8GDM9AXKP042788")
    }

    @Test func wrongCheckDigitNamesTheExpectedOne() {
        let error = validationError { try VIN.validate("LSVAU2185N2183294") }
        #expect(error?.field == .vin)
        #expect(error?.message.en == "VIN check digit (9th character) is 5 but should be X — check for a typing mistake")
        #expect(error?.message.zh == "VIN 第9位校验位为 5，应为 X，请核对是否录入错误")
    }

    @Test func oneWrongCharacterElsewhereIsCaughtByTheCheckDigit() {
        // A single mistyped serial digit changes the expected check digit.
        let error = validationError { try VIN.validate("LSVAU218XN2183295") }
        #expect(error?.field == .vin)
        #expect(error?.mentions("9") == true)
    }

    @Test func checkDigitCanBeWaivedForImports() throws {
        #expect(try VIN.validate("LSVAU2185N2183294", requireCheckDigit: false) == "LSVAU2185N2183294")
        // Everything else is still checked.
        #expect(validationError { try VIN.validate("LSVAU2185N218329O", requireCheckDigit: false) } != nil)
    }

    @Test(arguments: [("LSVAU218XN2183O94", "O", 15, "0"), ("ISVAU218XN2183294", "I", 1, "1"), ("LSVAU218XNQ183294", "Q", 11, "0")])
    func forbiddenLettersNameTheirPosition(_ vin: String, _ letter: String, _ position: Int, _ digit: String) {
        let error = validationError { try VIN.validate(vin) }
        #expect(error?.field == .vin)
        #expect(error?.message.en == "VIN has the letter \(letter) at position \(position); VINs never use I, O or Q — did you mean \(digit)?")
        #expect(error?.message.zh.contains("第\(position)位是字母 \(letter)") == true)
    }

    @Test func lowerCaseForbiddenLetterIsReportedUpperCase() {
        let error = validationError { try VIN.validate("lsvau218xn2183o94") }
        #expect(error?.message.en.contains("letter O at position 15") == true)
    }

    @Test(arguments: [("LSVAU218XN218329", 16), ("LSVAU218XN21832944", 18), ("LSV", 3)])
    func wrongLengthSaysHowManyWereTyped(_ vin: String, _ count: Int) {
        let error = validationError { try VIN.validate(vin) }
        #expect(error?.field == .vin)
        #expect(error?.message.en == "VIN must be 17 characters; you typed \(count)")
        #expect(error?.message.zh == "VIN 应为 17 位，您输入了 \(count) 位，请核对")
    }

    @Test func otherCharactersAreRefusedWithTheirPosition() {
        let error = validationError { try VIN.validate("LSVAU218X中2183294") }
        #expect(error?.message.en == "VIN may only contain letters and digits; position 10 is “中”")
        let control = validationError { try VIN.validate("LSVAU218X\u{1B}N2183294") }
        #expect(control?.message.en.contains("U+1B") == true)
        #expect(control?.message.en.contains("\u{1B}") == false)
    }

    @Test func emptyIsRefused() {
        let error = validationError { try VIN.validate("  -  ") }
        #expect(error?.field == .vin)
        #expect(error?.message.en.contains("empty") == true)
    }

    @Test func expectedCheckDigitNeedsSeventeenValidCharacters() {
        #expect(VIN.expectedCheckDigit("LSVAU218XN218329") == nil)
        #expect(VIN.expectedCheckDigit("LSVAU218XN2183O94") == nil)
        #expect(VIN.expectedCheckDigit("lsvau218xn2183294") == nil) // not normalized
        #expect(VIN.expectedCheckDigit("LSVAU2180N2183294") == "X")
        #expect(VIN.expectedCheckDigit("11111111111111111") == "1")
    }

    @Test func transliterationFollowsTheStandardTable() {
        let table: [Character: Int] = [
            "A": 1, "B": 2, "C": 3, "D": 4, "E": 5, "F": 6, "G": 7, "H": 8,
            "J": 1, "K": 2, "L": 3, "M": 4, "N": 5, "P": 7, "R": 9,
            "S": 2, "T": 3, "U": 4, "V": 5, "W": 6, "X": 7, "Y": 8, "Z": 9,
        ]
        for (letter, value) in table { #expect(VIN.transliteration(letter) == value, "\(letter)") }
        for letter: Character in ["I", "O", "Q", "a", "-"] { #expect(VIN.transliteration(letter) == nil) }
        #expect(VIN.transliteration("7") == 7)
    }
}
