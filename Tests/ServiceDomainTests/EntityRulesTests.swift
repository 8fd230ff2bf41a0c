import Foundation
import Testing
@testable import ServiceDomain

@Suite struct CustomerRulesTests {
    func customer(name: String = "张三", phones: [String] = ["13812345678"], callTime: String = "",
                  notes: String = "") -> Customer {
        Customer(id: 9, name: name, phones: phones, isOutOfWarrantyOwner: true, contactPreference: .wechat,
                 preferredCallTime: callTime, notes: notes, version: 3)
    }

    @Test func cleansEveryFieldAndKeepsTheRest() throws {
        let input = customer(name: "  欧阳  娜娜 ", phones: ["+86 138 1234 5678", "0755 1234567", "13812345678", " "],
                             callTime: "下午3点后\n", notes: "\u{1B}[31mVIP\u{1B}[0m")
        let result = try CustomerRules.validated(input)
        #expect(result.name == "欧阳 娜娜")
        #expect(result.phones == ["13812345678", "0755-1234567"])
        #expect(result.primaryPhone == "13812345678")
        #expect(result.preferredCallTime == "下午3点后")
        #expect(result.notes == "VIP")
        #expect(result.id == 9)
        #expect(result.version == 3)
        #expect(result.isOutOfWarrantyOwner)
        #expect(result.contactPreference == .wechat)
    }

    @Test(arguments: [
        ("王小明", "王小明"),
        ("John Smith", "John Smith"),
        ("Ｊｏｈｎ", "John"),
        ("阿卜杜・热合曼", "阿卜杜·热合曼"),
        ("买买提·艾力", "买买提·艾力"),
        ("O'Brien-Müller", "O'Brien-Müller"),
        ("Jose\u{301}", "Jose\u{301}"),
        ("深圳市58物流有限公司（南山）", "深圳市58物流有限公司(南山)"),
        ("𠮷野家", "𠮷野家"),
        ("张\u{200B}三", "张三"),
    ])
    func acceptedNames(_ raw: String, _ stored: String) throws {
        #expect(try PersonName.validate(raw) == stored)
    }

    @Test(arguments: ["😀", "张三😀", "Иван", "김철수", "张三#", "<script>"])
    func refusedNames(_ raw: String) {
        let error = validationError { try PersonName.validate(raw) }
        #expect(error?.field == .name)
        #expect(error?.message.en.hasPrefix("Name may use Chinese characters or Latin letters only") == true)
    }

    @Test func nameNeedsALetterAndALength() throws {
        #expect(validationError { try PersonName.validate(" \u{1B}[0m ") }?.message.en.contains("U+001B") == true)
        #expect(validationError { try PersonName.validate("123") }?.message.en.hasPrefix("Name must contain") == true)
        let forty = String(repeating: "张", count: 40)
        #expect(try PersonName.validate(forty) == forty)
        let error = validationError { try PersonName.validate(forty + "三") }
        #expect(error?.mentions("41") == true)
        #expect(error?.mentions("40") == true)
    }

    @Test func atLeastOnePhone() {
        for phones in [[], [""], ["  ", "\t"]] {
            let error = validationError { try CustomerRules.validated(customer(phones: phones)) }
            #expect(error?.field == .phone)
            #expect(error?.message.en.hasPrefix("Enter at least one phone number") == true)
        }
    }

    @Test func badSecondPhoneIsNamed() {
        let error = validationError { try CustomerRules.validated(customer(phones: ["13812345678", "1381234"])) }
        #expect(error?.field == .phone)
        #expect(error?.message.en.hasPrefix("Phone 2: A mobile number has 11 digits; you typed 7") == true)
        #expect(error?.message.zh.hasPrefix("第2个电话：手机号应为 11 位") == true)
        // A single bad phone needs no number.
        let single = validationError { try CustomerRules.validated(customer(phones: ["1381234"])) }
        #expect(single?.message.en.hasPrefix("A mobile number") == true)
    }

    @Test func freeTextLimits() {
        #expect(validationError { try CustomerRules.validated(customer(callTime: String(repeating: "a", count: 41))) }?.field == .preferredCallTime)
        #expect(validationError { try CustomerRules.validated(customer(notes: String(repeating: "备", count: 501))) }?.field == .notes)
    }
}

@Suite struct VehicleRulesTests {
    func vehicle(vin: String? = nil, plate: String = "粤A12345", model: String = "帕萨特 2.0T",
                 warrantyKm: Int? = 100_000, purchase: CalendarDate? = nil, warrantyEnd: CalendarDate? = nil) -> Vehicle {
        Vehicle(id: 4, ownerID: 2, vin: vin, plate: plate, model: model, purchaseDate: purchase,
                warrantyEndDate: warrantyEnd, warrantyEndKm: warrantyKm, version: 1)
    }

    @Test func normalizesPlateAndVIN() throws {
        let result = try VehicleRules.validated(vehicle(vin: "lsvau218xn2183294", plate: "粤a·d12345", model: " 途观L "))
        #expect(result.plate == "粤AD12345")
        #expect(result.vin == "LSVAU218XN2183294")
        #expect(result.model == "途观L")
        #expect(result.id == 4 && result.ownerID == 2 && result.version == 1)
    }

    @Test func blankVINBecomesNil() throws {
        #expect(try VehicleRules.validated(vehicle(vin: "")).vin == nil)
        #expect(try VehicleRules.validated(vehicle(vin: "  - ")).vin == nil)
        #expect(try VehicleRules.validated(vehicle(vin: nil)).vin == nil)
    }

    @Test func badFieldsAreNamed() {
        #expect(validationError { try VehicleRules.validated(vehicle(vin: "LSVAU2180N2183294")) }?.field == .vin)
        #expect(validationError { try VehicleRules.validated(vehicle(plate: "")) }?.field == .plate)
        #expect(validationError { try VehicleRules.validated(vehicle(model: "  ")) }?.field == .model)
        #expect(validationError { try VehicleRules.validated(vehicle(model: String(repeating: "x", count: 41))) }?.field == .model)
        #expect(validationError { try VehicleRules.validated(vehicle(warrantyKm: -1)) }?.field == .mileage)
        #expect(validationError { try VehicleRules.validated(vehicle(warrantyKm: 2_000_001)) }?.field == .mileage)
    }

    @Test func aUsedCarsWarrantyMayHaveEndedBeforeThePurchase() throws {
        let purchase = CalendarDate(year: 2023, month: 6, day: 1)!
        let car = try VehicleRules.validated(vehicle(purchase: purchase, warrantyEnd: CalendarDate(year: 2022, month: 3, day: 15)))
        #expect(car.warrantyEndDate?.text == "2022-03-15")
        #expect(validationError { try VehicleRules.validated(vehicle(warrantyKm: 1_000_001)) }?.field == .mileage)
        _ = try VehicleRules.validated(vehicle(warrantyKm: 1_000_000))
    }

    @Test func purchaseDatesInTheFutureOrBefore1950AreRefused() throws {
        let today = CalendarDate(year: 2026, month: 5, day: 10)!
        try VehicleRules.checkPurchaseDate(today, today: today)
        try VehicleRules.checkPurchaseDate(CalendarDate(year: 1950, month: 1, day: 1)!, today: today)
        #expect(validationError { try VehicleRules.checkPurchaseDate(CalendarDate(year: 2026, month: 5, day: 11)!, today: today) }?.field == .date)
        #expect(validationError { try VehicleRules.checkPurchaseDate(CalendarDate(year: 1949, month: 12, day: 31)!, today: today) }?.field == .date)
    }
}

@Suite struct FieldTests {
    @Test func everyFieldHasBothLabels() {
        for field in Field.allCases {
            #expect(!field.label.zh.isEmpty && !field.label.en.isEmpty)
        }
        #expect(Set(Field.allCases.map(\.label.zh)).count == Field.allCases.count)
        #expect(Set(Field.allCases.map(\.label.en)).count == Field.allCases.count)
    }
}
