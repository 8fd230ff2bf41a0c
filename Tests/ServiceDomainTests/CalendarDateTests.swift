import Foundation
import Testing
@testable import ServiceDomain

@Suite struct CalendarDateTests {
    @Test func theSameDayWhateverTheTimeZone() throws {
        let day = try #require(CalendarDate(iso: "2024-03-15"))
        for zone in ["Asia/Shanghai", "UTC", "America/Los_Angeles"] {
            let tz = try #require(TimeZone(identifier: zone))
            #expect(CalendarDate(day.start(in: tz), in: tz) == day)
        }
        #expect(day.text == "2024-03-15")
        let encoded = try JSONEncoder().encode([day])
        #expect(String(decoding: encoded, as: UTF8.self) == "[\"2024-03-15\"]")
        #expect(try JSONDecoder().decode([CalendarDate].self, from: encoded) == [day])
    }

    @Test func onlyRealDaysExist() {
        #expect(CalendarDate(iso: "2024-02-29") != nil)
        #expect(CalendarDate(iso: "2023-02-29") == nil)
        #expect(CalendarDate(iso: "2024-13-01") == nil)
        #expect(CalendarDate(iso: "2024-4-30") == nil)
        #expect(CalendarDate(iso: "２０２４-04-30") == nil)
    }

    @Test func datesAsExcelAndPeopleWriteThem() {
        #expect(CalendarDate(typed: "2024/4/30")?.text == "2024-04-30")
        #expect(CalendarDate(typed: "2024-04-30")?.text == "2024-04-30")
        #expect(CalendarDate(typed: "2024.4.3")?.text == "2024-04-03")
        #expect(CalendarDate(typed: "2024年4月30日")?.text == "2024-04-30")
        #expect(CalendarDate(typed: "4/30/2024") == nil)
        #expect(CalendarDate(typed: "2024/4/31") == nil)
        #expect(CalendarDate(typed: "2024/4") == nil)
    }

    @Test func arithmeticAndOrder() throws {
        let leap = try #require(CalendarDate(iso: "2024-02-29"))
        #expect(leap.adding(years: 1).text == "2025-02-28")
        #expect(leap.days(until: CalendarDate(iso: "2024-03-01")!) == 1)
        #expect(CalendarDate(iso: "2023-12-31")! < leap)
    }
}

@Suite struct ImportedTextRulesTests {
    @Test func mobilePrefixesNoCarrierIssuesAreRefused() throws {
        for prefix in MobilePrefixes.notIssued {
            let error = try? #require(throws: ValidationError.self) { try PhoneNumber.validate(prefix + "12345678") }
            #expect(error?.message.en.contains(prefix) == true, "\(prefix)")
            #expect(throws: ValidationError.self) { try PhoneNumber.validate("+86 " + prefix + " 1234 5678") }
        }
        #expect(try PhoneNumber.validate("14712345678") == "14712345678")
        #expect(try PhoneNumber.validate("199 1234 5678") == "19912345678")
    }

    @Test func namesWithControlOrBidiCharactersAreRefusedWithTheReason() throws {
        for bad in ["王\u{202E}芳", "王\u{1B}[31m芳", "王\u{200F}芳", "王\t芳"] {
            let error = try? #require(throws: ValidationError.self) { try PersonName.validate(bad) }
            #expect(error?.message.en.contains("U+") == true, "\(bad.debugDescription)")
        }
        #expect(try PersonName.validate(" 王芳\n") == "王芳")
    }

    @Test func notesKeepTheirLineBreaks() throws {
        let notes = try FreeText.cleanKeepingLines("\r\n第一行\r\n第二行\r第三\u{1B}[2J行\n\n", field: .notes, maxLength: 500)
        #expect(notes == "第一行\n第二行\n第三行")
        let customer = try CustomerRules.validated(Customer(name: "王芳", phones: ["13812345678"], notes: "一\n二"))
        #expect(customer.notes == "一\n二")
    }
}

@Suite struct WarrantyRulesTests {
    @Test func theMarkFollowsTheWarrantyEndDateWhenOneIsKnown() {
        let today = CalendarDate(year: 2026, month: 11, day: 22)!
        let ended = [CalendarDate(year: 2026, month: 3, day: 1), CalendarDate(year: 2026, month: 9, day: 1)]
        for end in ended {
            #expect(WarrantyRules.isOutOfWarrantyOwner(marked: false, warrantyEnds: [end], today: today))
            #expect(WarrantyRules.isOutOfWarrantyOwner(marked: true, warrantyEnds: [end], today: today))
        }
        #expect(!WarrantyRules.isOutOfWarrantyOwner(marked: true, warrantyEnds: [today], today: today))
        #expect(WarrantyRules.isOutOfWarrantyOwner(marked: false, warrantyEnds: [nil, ended[0], today], today: today))
        #expect(WarrantyRules.isOutOfWarrantyOwner(marked: true, warrantyEnds: [nil], today: today))
        #expect(!WarrantyRules.isOutOfWarrantyOwner(marked: false, warrantyEnds: [], today: today))
    }
}
