import Testing
@testable import ServiceDomain

@Suite struct PlateTests {
    @Test(arguments: [
        ("粤A12345", "粤A12345", "粤A·12345"),
        ("粤a·12345", "粤A12345", "粤A·12345"),
        ("京N A5B12", "京NA5B12", "京N·A5B12"),
        ("粤Ａ１２３４５", "粤A12345", "粤A·12345"),        // full-width letters and digits
        ("沪C-8888Z", "沪C8888Z", "沪C·8888Z"),
        ("浙B．12345", "浙B12345", "浙B·12345"),            // full-width full stop
        ("苏E•K6Y88", "苏EK6Y88", "苏E·K6Y88"),
        ("粤A·D12345", "粤AD12345", "粤A·D12345"),          // small new-energy, D first
        ("粤B·FA1234", "粤BFA1234", "粤B·FA1234"),
        ("粤A·12345D", "粤A12345D", "粤A·12345D"),          // large new-energy, D last
        ("川A12345F", "川A12345F", "川A·12345F"),
        ("沪A·A12345", "沪AA12345", "沪A·A12345"),          // newer small new-energy letters
        ("沪AK12345", "沪AK12345", "沪A·K12345"),
        ("粤B1234学", "粤B1234学", "粤B·1234学"),
        ("京A0001警", "京A0001警", "京A·0001警"),
        ("鲁B1234挂", "鲁B1234挂", "鲁B·1234挂"),
        ("粤Z1234港", "粤Z1234港", "粤Z·1234港"),
        ("粤Z·A123澳", "粤ZA123澳", "粤Z·A123澳"),
        ("沪A1234领", "沪A1234领", "沪A·1234领"),
        ("使014578", "使014578", "使014578"),
        ("使 014·578", "使014578", "使014578"),
    ])
    func validPlates(_ raw: String, _ normalized: String, _ shown: String) throws {
        #expect(try Plate.validate(raw) == normalized)
        #expect(Plate.display(normalized) == shown)
    }

    @Test func everyProvinceIsAccepted() throws {
        #expect(Plate.provinces.count == 31)
        for province in Plate.provinces {
            #expect(try Plate.validate("\(province)A12345") == "\(province)A12345")
        }
    }

    @Test func unknownProvinceIsRefused() {
        let error = validationError { try Plate.validate("港A12345") }
        #expect(error?.field == .plate)
        #expect(error?.message.zh.contains("省份简称") == true)
        #expect(error?.mentions("“港”") == true)
        #expect(error?.message.en.hasSuffix("(e.g. 粤A·12345 or 粤A·D12345)") == true)
        #expect(error?.message.zh.hasSuffix("例如 粤A·12345 或 粤A·D12345") == true)
    }

    @Test func plateWithoutProvinceIsRefused() {
        let error = validationError { try Plate.validate("A12345") }
        #expect(error?.message.en.contains("starts with a province character") == true)
    }

    @Test func officeLetterMustBeALetterOtherThanIO() {
        #expect(validationError { try Plate.validate("粤I12345") }?.message.en.contains("cannot be the letter I or O") == true)
        #expect(validationError { try Plate.validate("粤O12345") } != nil)
        #expect(validationError { try Plate.validate("粤112345") }?.message.en.contains("must be a letter") == true)
    }

    @Test func serialNeverUsesIOrO() {
        let error = validationError { try Plate.validate("粤A12O45") }
        #expect(error?.field == .plate)
        #expect(error?.message.en.contains("position 5 should probably be 0") == true)
        #expect(validationError { try Plate.validate("粤AD1234I") }?.message.en.contains("be 1") == true)
    }

    @Test(arguments: [("粤A1234", 6), ("粤A", 2), ("粤A123456789", 11)])
    func wrongLengthSaysHowManyWereTyped(_ raw: String, _ count: Int) {
        let error = validationError { try Plate.validate(raw) }
        #expect(error?.message.en.hasPrefix("A plate has 7 characters (8 for new-energy cars); you typed \(count)") == true)
        #expect(error?.message.zh.hasPrefix("车牌号应为 7 位（新能源车 8 位），您输入了 \(count) 位") == true)
    }

    @Test(arguments: ["粤A123456", "粤AD1234A", "粤AL12345", "粤A1234D5", "粤A12345A", "粤AAB12C4"])
    func sixCharacterSerialsMustBeNewEnergyShapes(_ raw: String) {
        let error = validationError { try Plate.validate(raw) }
        #expect(error?.field == .plate)
        #expect(error?.message.en.contains("new-energy plate has 6 serial characters") == true)
    }

    @Test func specialSuffixNeedsAFourCharacterSerial() {
        let error = validationError { try Plate.validate("粤B12345学") }
        #expect(error?.message.en.contains("4 serial characters") == true)
        #expect(error?.message.zh.contains("粤B·1234学") == true)
    }

    @Test func hongKongAndMacauPlatesAreOnly粤Z() {
        #expect(validationError { try Plate.validate("粤B1234港") }?.message.en.contains("start with 粤Z") == true)
        #expect(validationError { try Plate.validate("沪Z1234澳") } != nil)
    }

    @Test func suffixCharacterInTheMiddleIsRefused() {
        let error = validationError { try Plate.validate("粤B12学34") }
        #expect(error?.message.en.contains("position 5 is “学”") == true)
    }

    @Test func embassyPlatesAreSixDigits() {
        #expect(validationError { try Plate.validate("使01457") }?.message.en.contains("使 followed by 6 digits") == true)
        #expect(validationError { try Plate.validate("使01457A") } != nil)
    }

    @Test func emptyIsRefused() {
        let error = validationError { try Plate.validate(" · ") }
        #expect(error?.field == .plate)
        #expect(error?.message.en.hasPrefix("Plate is empty") == true)
    }

    @Test func displayLeavesUnknownShapesAlone() {
        #expect(Plate.display("ABC") == "ABC")
        #expect(Plate.display("粤A1234") == "粤A1234")
        #expect(Plate.display("") == "")
    }

    @Test func searchKeyNormalizesFragments() {
        #expect(Plate.searchKey("粤a12") == "粤A12")
        #expect(Plate.searchKey("a·123") == "A123")
        #expect(Plate.searchKey(" ｄ１２ ") == "D12")
        #expect(Plate.searchKey("") == "")
    }
}
