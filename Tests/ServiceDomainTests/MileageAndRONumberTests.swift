import Foundation
import Testing
@testable import ServiceDomain

@Suite struct MileageRuleTests {
    @Test func increasingOrEqualReadingsPass() throws {
        try MileageRule.check(newKm: 15_000, lastKm: 12_000, odometerReplacementReason: nil)
        try MileageRule.check(newKm: 12_000, lastKm: 12_000, odometerReplacementReason: nil)
        try MileageRule.check(newKm: 0, lastKm: nil, odometerReplacementReason: nil)
        try MileageRule.check(newKm: 2_000_000, lastKm: nil, odometerReplacementReason: nil)
    }

    @Test func lowerReadingNeedsAReplacementReason() throws {
        let error = validationError { try MileageRule.check(newKm: 11_999, lastKm: 12_000, odometerReplacementReason: nil) }
        #expect(error?.field == .mileage)
        #expect(error?.message.en == "Mileage 11,999 km is below the last reading of 12,000 km; if the odometer was replaced, give the reason")
        #expect(error?.message.zh == "里程 11,999 公里低于上次记录的 12,000 公里；如更换过里程表，请填写原因")
        #expect(validationError { try MileageRule.check(newKm: 100, lastKm: 12_000, odometerReplacementReason: " \n\u{1B}[0m") } != nil)
        try MileageRule.check(newKm: 100, lastKm: 12_000, odometerReplacementReason: "仪表总成更换")
    }

    @Test func negativeAndAbsurdReadingsAreRefusedEvenWithAReason() {
        #expect(validationError { try MileageRule.check(newKm: -1, lastKm: nil, odometerReplacementReason: "x") }?.message.en.hasPrefix("Mileage cannot be negative") == true)
        let tooHigh = validationError { try MileageRule.check(newKm: 2_000_001, lastKm: nil, odometerReplacementReason: nil) }
        #expect(tooHigh?.mentions("2,000,001") == true)
        #expect(tooHigh?.mentions("2,000,000") == true)
    }
}

@Suite struct RONumberTests {
    let shanghai = TimeZone(identifier: "Asia/Shanghai")!

    /// 2026-11-22 16:30 UTC is 2026-11-23 00:30 in Shanghai.
    let lateUTC = Date(timeIntervalSince1970: 1_795_365_000)

    @Test func dayIsTakenInTheShopsZone() {
        #expect(RONumber.dayKey(lateUTC, timeZone: TimeZone(identifier: "UTC")!) == "20261122")
        #expect(RONumber.dayKey(lateUTC, timeZone: shanghai) == "20261123")
        #expect(RONumber.make(openedAt: lateUTC, sequence: 7, timeZone: shanghai) == "RO-20261123-0007")
    }

    @Test func sequenceIsPaddedToFourDigitsAndGrowsBeyond() {
        #expect(RONumber.make(openedAt: lateUTC, sequence: 1, timeZone: shanghai) == "RO-20261123-0001")
        #expect(RONumber.make(openedAt: lateUTC, sequence: 9999, timeZone: shanghai) == "RO-20261123-9999")
        #expect(RONumber.make(openedAt: lateUTC, sequence: 12345, timeZone: shanghai) == "RO-20261123-12345")
    }

    @Test func earlyYearsArePadded() {
        let y2001 = Date(timeIntervalSince1970: 978_307_200) // 2001-01-01 00:00 UTC
        #expect(RONumber.dayKey(y2001, timeZone: TimeZone(identifier: "UTC")!) == "20010101")
        #expect(RONumber.dayKey(y2001, timeZone: TimeZone(identifier: "America/New_York")!) == "20001231")
    }

    @Test func parseReadsBackWhatMakeWrites() {
        let number = RONumber.make(openedAt: lateUTC, sequence: 42, timeZone: shanghai)
        let parsed = RONumber.parse(number)
        #expect(parsed?.dayKey == "20261123")
        #expect(parsed?.sequence == 42)
        #expect(RONumber.parse("RO-2026112-0001") == nil)
        #expect(RONumber.parse("RO-20261122-001") == nil)
        #expect(RONumber.parse("XX-20261122-0001") == nil)
        #expect(RONumber.parse("RO-20261122-0000") == nil)
        #expect(RONumber.parse("RO-20261122-00a1") == nil)
    }
}
