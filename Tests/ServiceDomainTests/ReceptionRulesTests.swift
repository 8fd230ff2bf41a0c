import Foundation
import Testing
@testable import ServiceDomain

private let shanghai = TimeZone(identifier: "Asia/Shanghai")!
/// 2026-11-22 00:00 in Shanghai.
private let dayStart = Date(timeIntervalSince1970: 1_795_276_800)
private func at(_ hour: Int, _ minute: Int = 0, day: Int = 0) -> Date {
    dayStart.addingTimeInterval(TimeInterval(day * 86_400 + hour * 3600 + minute * 60))
}

private func booking(_ id: RowID, _ slot: Date, lane: Lane = .regular, status: AppointmentStatus = .booked) -> Appointment {
    Appointment(id: id, customerID: 1, vehicleID: 1, slotStart: slot, lane: lane, serviceType: .maintenance, status: status)
}

@Suite struct AppointmentCapacityTests {
    let hours = ShopHours(openMinute: 8 * 60 + 30, closeMinute: 18 * 60, slotMinutes: 30, regularCapacity: 2, expressCapacity: 1)

    @Test func slotsRunFromOpeningToTheLastOneThatEndsByClosing() {
        let slots = hours.slots(on: at(12), timeZone: shanghai)
        #expect(slots.count == 19)
        #expect(slots.first == at(8, 30))
        #expect(slots.last == at(17, 30))
    }

    @Test func aFullSlotIsRefusedWithTheReasonUnlessOverridden() throws {
        let existing = [booking(1, at(10)), booking(2, at(10)), booking(3, at(10), status: .cancelled)]
        #expect(AppointmentRules.capacity(for: at(10), lane: .regular, existing: existing, hours: hours)
                == .full(booked: 2, capacity: 2))
        let error = validationError {
            try AppointmentRules.checkBooking(slotStart: at(10), lane: .regular, existing: existing, hours: hours,
                                              overrideReason: "  ", now: at(8), timeZone: shanghai)
        }
        #expect(error?.field == .reason)
        #expect(error?.mentions("2/2") == true)
        let recorded = try AppointmentRules.checkBooking(slotStart: at(10), lane: .regular, existing: existing, hours: hours,
                                                         overrideReason: "老客户车队", now: at(8), timeZone: shanghai)
        #expect(recorded == "老客户车队")
    }

    @Test func theExpressLaneHasItsOwnCapacity() throws {
        let existing = [booking(1, at(10)), booking(2, at(10)), booking(3, at(10), lane: .express)]
        #expect(AppointmentRules.capacity(for: at(10), lane: .express, existing: existing, hours: hours) == .full(booked: 1, capacity: 1))
        #expect(AppointmentRules.capacity(for: at(10, 30), lane: .express, existing: existing, hours: hours) == .fits)
        // Moving a booking within its own slot does not count it twice.
        #expect(AppointmentRules.capacity(for: at(10), lane: .express, existing: existing, hours: hours, excluding: 3) == .fits)
    }

    @Test func pastSlotsAndSlotsOutsideHoursAreRefused() {
        #expect(validationError {
            try AppointmentRules.checkBooking(slotStart: at(9), lane: .regular, existing: [], hours: hours,
                                              overrideReason: "", now: at(11), timeZone: shanghai)
        }?.field == .date)
        #expect(validationError {
            try AppointmentRules.checkBooking(slotStart: at(18), lane: .regular, existing: [], hours: hours,
                                              overrideReason: "", now: at(8), timeZone: shanghai)
        }?.field == .date)
    }
}

@Suite struct NoShowTests {
    @Test func theRateCountsOnlyConcludedAppointments() {
        let list = [booking(1, at(9), status: .arrived), booking(2, at(9), status: .noShow),
                    booking(3, at(9), status: .arrived), booking(4, at(9), status: .cancelled),
                    booking(5, at(9), status: .booked), booking(6, at(9), status: .arrived)]
        let rate = AppointmentRules.noShowRate(list)
        #expect(rate.noShows == 1 && rate.concluded == 4)
        #expect(AppointmentRules.percent(1, of: 4) == "25.0%")
        #expect(AppointmentRules.percent(1, of: 3) == "33.3%")
        #expect(AppointmentRules.percent(0, of: 0) == "—")
    }

    @Test func aNoShowNeedsTheSlotToHaveStartedAndClosedOnesStayClosed() throws {
        let a = booking(1, at(10))
        #expect(validationError { try AppointmentRules.checkTransition(a, to: .noShow, now: at(9)) } != nil)
        try AppointmentRules.checkTransition(a, to: .noShow, now: at(10, 5))
        try AppointmentRules.checkTransition(a, to: .confirmed, now: at(9))
        #expect(validationError { try AppointmentRules.checkTransition(booking(2, at(10), status: .arrived), to: .cancelled, now: at(9)) } != nil)
        #expect(validationError { try AppointmentRules.checkTransition(booking(3, at(10), status: .noShow), to: .cancelled, now: at(11)) } != nil)
    }

    @Test func aNoShowCanBeUndoneOrTheLateCustomerArrive() throws {
        let late = booking(3, at(10), status: .noShow)
        // The customer turned up late: they arrive and are checked in.
        try AppointmentRules.checkTransition(late, to: .arrived, now: at(11))
        // Marked by mistake: back to what it was, booked when that is not known.
        #expect(try AppointmentRules.undoNoShow(late, previous: .confirmed) == .confirmed)
        #expect(try AppointmentRules.undoNoShow(late, previous: nil) == .booked)
        #expect(try AppointmentRules.undoNoShow(late, previous: .arrived) == .booked)
        #expect(validationError { _ = try AppointmentRules.undoNoShow(booking(4, at(10)), previous: nil) } != nil)
    }
}

@Suite struct PromisedTimeTests {
    let hours = ShopHours.standard // 08:30–18:00

    @Test func theSuggestionAddsLabourAndHandoverRoundedToTheQuarter() {
        // 10:05 + 90 min labour + 30 min handover = 12:05 → 12:15.
        #expect(PromisedTime.suggest(now: at(10, 5), labourMinutes: 90, hours: hours, timeZone: shanghai) == at(12, 15))
    }

    @Test func workPastClosingContinuesNextMorning() {
        // 17:00 + 120 + 30 = 150 min: 60 today, 90 tomorrow from 08:30 → 10:00.
        #expect(PromisedTime.suggest(now: at(17), labourMinutes: 120, hours: hours, timeZone: shanghai) == at(10, 0, day: 1))
        // Arriving after closing starts at tomorrow's opening.
        #expect(PromisedTime.suggest(now: at(19), labourMinutes: 60, hours: hours, timeZone: shanghai) == at(10, 0, day: 1))
    }

    @Test func thePromiseMustBeInTheFuture() throws {
        #expect(validationError { try PromisedTime.validate(at(10), now: at(10)) }?.field == .promisedTime)
        try PromisedTime.validate(at(10, 1), now: at(10))
    }

    @Test func typedTimesAreReadInTheShopZone() throws {
        #expect(try PromisedTime.parse("16:30", now: at(10), timeZone: shanghai) == at(16, 30))
        #expect(try PromisedTime.parse("11-23 09:15", now: at(10), timeZone: shanghai) == at(9, 15, day: 1))
        #expect(try PromisedTime.parse("2026-11-23 09:15", now: at(10), timeZone: shanghai) == at(9, 15, day: 1))
        #expect(try PromisedTime.parse("１６：３０", now: at(10), timeZone: shanghai) == at(16, 30))
        #expect(PromisedTime.format(at(9, 15, day: 1), timeZone: shanghai) == "11-23 09:15")
        // Month and day typed at the turn of the year mean the coming January.
        #expect(try PromisedTime.parse("01-02 10:00", now: at(10, day: 38), timeZone: shanghai) == at(10, day: 41))
        for bad in ["", "25:00", "16", "02-30 10:00", "tomorrow"] {
            #expect(validationError { try PromisedTime.parse(bad, now: at(10), timeZone: shanghai) }?.field == .promisedTime)
        }
    }

    @Test func labourHoursAreReadExactly() throws {
        #expect(try LabourHoursInput.minutes("1.5") == 90)
        #expect(try LabourHoursInput.minutes("2") == 120)
        #expect(try LabourHoursInput.minutes("0.25") == 15)
        #expect(LabourHoursInput.format(minutes: 90) == "1.5")
        #expect(LabourHoursInput.format(minutes: 120) == "2")
        for bad in ["", "0", "-1", "1.5h", "1.2.3", "abc"] { #expect(validationError { try LabourHoursInput.minutes(bad) } != nil) }
    }
}

@Suite struct YuanInputTests {
    @Test func amountsAreParsedExactlyInFen() throws {
        #expect(try YuanInput.parse("380") == Fen(38_000))
        #expect(try YuanInput.parse("380.50") == Fen(38_050))
        #expect(try YuanInput.parse("380.5") == Fen(38_050))
        #expect(try YuanInput.parse("0.01") == Fen(1))
        #expect(try YuanInput.parse("¥1,380.05") == Fen(138_005))
        #expect(try YuanInput.parse("３８０") == Fen(38_000))
        #expect(try YuanInput.parse("") == .zero)
        // 0.1 + 0.2 style float errors cannot happen: digits are integers.
        #expect(try YuanInput.parse("1234567.89") == Fen(123_456_789))
        #expect(YuanInput.format(Fen(38_050)) == "380.50")
    }

    @Test func badAmountsNameTheField() {
        for bad in ["-5", "38o", "1.234", "1e3", ".", "12345678901"] {
            #expect(validationError { try YuanInput.parse(bad) }?.field == .estimate, "\(bad)")
        }
    }
}

@Suite struct CheckInDefaultsTests {
    @Test func theCategoryAndServiceTypeFollowTheConcern() {
        #expect(CheckInDefaults.category(for: "做5000公里保养") == .maintenance)
        #expect(CheckInDefaults.category(for: "刹车异响") == .brakes)
        #expect(CheckInDefaults.category(for: "底盘异响") == .noise)
        #expect(CheckInDefaults.category(for: "说不清") == .other)
        #expect(CheckInDefaults.serviceType(for: .maintenance) == .maintenance)
        #expect(CheckInDefaults.serviceType(for: .brakes) == .repair)
    }

    @Test func aRecentlyDeliveredRepairWarnsOfAPossibleComeback() {
        func ro(_ id: RowID, vehicle: RowID, closed: Date?, stage: ROStage = .delivered) -> RepairOrder {
            RepairOrder(id: id, number: "RO-\(id)", customerID: 1, vehicleID: vehicle, advisorID: nil, serviceType: .repair,
                        repairClass: .minorRepair, stage: stage, openedAt: at(9, day: -40), promisedAt: at(12, day: -40),
                        closedAt: closed, mileageIn: 1000, contactPhone: "13812345678")
        }
        let visits = [ro(1, vehicle: 7, closed: at(10, day: -40)), ro(2, vehicle: 7, closed: at(10, day: -8)),
                      ro(3, vehicle: 8, closed: at(10, day: -2)), ro(4, vehicle: 7, closed: nil, stage: .inProgress)]
        #expect(ComebackWarning.recentRepair(vehicleID: 7, visits: visits, now: at(10))?.id == 2)
        #expect(ComebackWarning.recentRepair(vehicleID: 7, visits: [visits[0]], now: at(10)) == nil)
    }
}

private let knownVIN: String = {
    var chars = Array("LFV2A21K067123456")
    chars[8] = VIN.expectedCheckDigit(String(chars))!
    return String(chars)
}()

@Suite struct DuplicateDetectionTests {
    let known = [
        KnownRecord(customerID: 1, customerName: "王芳", phones: ["13812345678"], vehicleID: 10, plate: "粤A12345",
                    vin: knownVIN),
        KnownRecord(customerID: 2, customerName: "李强", phones: ["13900001111"]),
    ]

    @Test func samePhonePlateOrVINIsFoundInAnySpelling() {
        #expect(DuplicateDetection.matches(phone: "139 0000 1111", plate: "", vin: "", among: known).map(\.customerID) == [2])
        let byPlate = DuplicateDetection.matches(phone: "", plate: "粤a·12345", vin: "", among: known)
        #expect(byPlate.map(\.reason) == [.plate])
        #expect(byPlate.first?.vehicleID == 10)
        #expect(DuplicateDetection.matches(phone: "", plate: "", vin: knownVIN.lowercased(), among: known).map(\.reason) == [.vin])
    }

    @Test func oneRecordIsOfferedOnceAndNewDataFindsNothing() {
        let both = DuplicateDetection.matches(phone: "13812345678", plate: "粤A12345", vin: "", among: known)
        #expect(both.count == 1)
        #expect(both.first?.reason == .plate)
        #expect(DuplicateDetection.matches(phone: "13700002222", plate: "粤B88888", vin: "", among: known).isEmpty)
        // Half-typed values are not matched against anything.
        #expect(DuplicateDetection.matches(phone: "138", plate: "粤", vin: "LFV", among: known).isEmpty)
    }
}

@Suite struct WorkOrderTextTests {
    @Test func theWorkOrderCarriesEverythingTheCustomerSigns() {
        let order = RepairOrder(id: 5, number: "RO-20261122-0007", customerID: 1, vehicleID: 10, advisorID: nil,
                                serviceType: .repair, repairClass: .minorRepair, openedAt: at(10, 5), promisedAt: at(12, 15),
                                mileageIn: 23_456, isWaiter: true, walkAroundNotes: "左前门划痕",
                                contactPhone: "13812345678", estimateLabour: Fen(38_000), estimateParts: Fen(12_050))
        let text = WorkOrderText(shopName: "粤信一汽-大众4S店", order: order, customerName: "王芳", plate: "粤A12345",
                                 model: "迈腾 2.0T", vin: nil,
                                 concerns: [Concern(repairOrderID: 5, text: "刹车异响", category: .brakes)],
                                 valuablesReminded: true).render(timeZone: shanghai)
        for needle in ["粤信一汽-大众4S店", "RO-20261122-0007", "王芳", "粤A·12345", "迈腾 2.0T", "23456 km", "1. 刹车异响",
                       "¥380.00", "¥120.50", "¥500.50", "2026-11-22 12:15", "左前门划痕", "客户签字", "服务顾问"] {
            #expect(text.contains(needle), "\(needle)")
        }
    }
}
