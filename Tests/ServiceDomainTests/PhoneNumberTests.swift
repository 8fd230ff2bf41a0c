import Testing
@testable import ServiceDomain

@Suite struct PhoneNumberTests {
    @Test(arguments: [
        ("13812345678", "13812345678"),
        ("138 1234 5678", "13812345678"),
        ("138-1234-5678", "13812345678"),
        ("１３８１２３４５６７８", "13812345678"),          // full-width digits
        ("+86 138 1234 5678", "13812345678"),
        ("+8613812345678", "13812345678"),
        ("0086 13812345678", "13812345678"),
        ("8613812345678", "13812345678"),
        ("(+86)199-0000-1111", "19900001111"),
        ("＋８６　１５０１２３４５６７８", "15012345678"),
        ("  17012345678\n", "17012345678"),
    ])
    func mobiles(_ raw: String, _ normalized: String) throws {
        #expect(try PhoneNumber.validate(raw) == normalized)
    }

    @Test(arguments: [
        ("010-12345678", "010-12345678"),
        ("01012345678", "010-12345678"),
        ("(010) 1234 5678", "010-12345678"),
        ("（021）62345678", "021-62345678"),
        ("0755-1234567", "0755-1234567"),
        ("0755-12345678", "0755-12345678"),
        ("07551234567", "0755-1234567"),
        ("0571 8888 6666", "0571-88886666"),
        ("+86 10 12345678", "010-12345678"),
        ("+86 755 1234567", "0755-1234567"),
        ("+86 (0)755 1234567", "0755-1234567"),
        ("0086 20 83334444", "020-83334444"),
    ])
    func landlines(_ raw: String, _ normalized: String) throws {
        #expect(try PhoneNumber.validate(raw) == normalized)
    }

    @Test(arguments: [("1381234567", 10), ("138123456789", 12), ("138", 3)])
    func mobileWithWrongLengthSaysHowManyDigits(_ raw: String, _ count: Int) {
        let error = validationError { try PhoneNumber.validate(raw) }
        #expect(error?.field == .phone)
        #expect(error?.message.en == "A mobile number has 11 digits; you typed \(count) (e.g. 13812345678)")
        #expect(error?.message.zh == "手机号应为 11 位，您输入了 \(count) 位，例如 13812345678")
    }

    @Test(arguments: ["10012345678", "11012345678", "12012345678"])
    func mobileMustStartWith13To19(_ raw: String) {
        let error = validationError { try PhoneNumber.validate(raw) }
        #expect(error?.message.en.hasPrefix("A mobile number starts with 13–19, not 1") == true)
    }

    @Test func lettersAreNamed() {
        let error = validationError { try PhoneNumber.validate("138l2345678") }
        #expect(error?.field == .phone)
        #expect(error?.mentions("“l”") == true)
        #expect(error?.message.en.contains("e.g. 13812345678 or 0755-1234567") == true)
    }

    @Test func foreignNumbersAreRefused() {
        let error = validationError { try PhoneNumber.validate("+1 415 555 0100") }
        #expect(error?.message.en.hasPrefix("Only mainland China numbers (+86)") == true)
    }

    @Test func landlineWithoutAreaCodeAsksForIt() {
        let error = validationError { try PhoneNumber.validate("83334444") }
        #expect(error?.message.en.hasPrefix("Add the area code") == true)
        #expect(error?.message.zh.hasPrefix("座机号请加区号") == true)
    }

    @Test(arguments: [("0755-123456", "7–8", 6), ("0755-123456789", "7–8", 9), ("021-123456789", "8", 9),
                      ("010-1234567", "8", 7)])
    func landlineLocalNumberLength(_ raw: String, _ expected: String, _ count: Int) {
        let error = validationError { try PhoneNumber.validate(raw) }
        #expect(error?.message.en.contains("has \(expected) digits; you typed \(count)") == true)
        #expect(error?.message.zh.contains("应为 \(expected) 位，您输入了 \(count) 位") == true)
    }

    @Test func landlineEdgeCases() {
        #expect(validationError { try PhoneNumber.validate("0755") } != nil)
        #expect(validationError { try PhoneNumber.validate("011-12345678") }?.message.en.contains("Area code 011 does not exist") == true)
        #expect(validationError { try PhoneNumber.validate("0755-0123456") }?.message.en.contains("cannot start with 0") == true)
    }

    @Test func emptyOrNoDigits() {
        #expect(validationError { try PhoneNumber.validate("   ") }?.message.en.hasPrefix("Phone is empty") == true)
        #expect(validationError { try PhoneNumber.validate("--") }?.message.en.hasPrefix("Phone has no digits") == true)
        #expect(validationError { try PhoneNumber.validate("95588") }?.message.en.hasPrefix("A number starts with 1") == true)
    }

    @Test func masking() {
        #expect(PhoneNumber.masked("13812345678") == "138****5678")
        #expect(PhoneNumber.masked("0755-1234567") == "0755-***4567")
        #expect(PhoneNumber.masked("010-12345678") == "010-****5678")
        // Odd stored values never show more than half of themselves.
        #expect(PhoneNumber.masked("12345678") == "****5678")
        #expect(PhoneNumber.masked("12345") == "***45")
        #expect(PhoneNumber.masked("123") == "**3")
        #expect(PhoneNumber.masked("") == "")
    }

    @Test func digitsForSearch() {
        #expect(PhoneNumber.digits("+86 138-1234-5678") == "8613812345678")
        #expect(PhoneNumber.digits("（０７５５）１２３") == "0755123")
        #expect(PhoneNumber.digits("abc") == "")
    }

    @Test func isMobile() {
        #expect(PhoneNumber.isMobile("13812345678"))
        #expect(!PhoneNumber.isMobile("0755-1234567"))
        #expect(!PhoneNumber.isMobile("12812345678"))
    }
}
