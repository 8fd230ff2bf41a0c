import ConsoleCore
import ConsoleUI
import Foundation
import ScreenKit
import ServiceDomain
import Testing

/// The booking form with a new customer's fields (F4, Ctrl-N), with a duplicate offered.
@Suite struct AppointmentNewCustomerSnapshotTests {
    let now = Date(timeIntervalSince1970: 1_795_327_500) // 2026-11-22 14:05 in Shanghai
    let zone = TimeZone(identifier: "Asia/Shanghai")!

    func bookingNewCustomer(_ language: Language) -> AppState {
        var s = AppState(language: language, shopName: "粤信一汽-大众4S店（广州天河）", operatorName: "陈小玲", now: now,
                         timeZone: zone)
        let tomorrow = ShopCalendar.addDays(1, to: ShopCalendar.startOfDay(now, zone), zone)
        _ = reduce(&s, .keyPressed(.function(4)))
        _ = reduce(&s, .reception(.dayLoaded(day: tomorrow, rows: [], hours: .standard, noShow: NoShowStats())))
        for key: Key in [.down, .enter, .character("1"), .character("3"), .character("8"), .ctrl("n")] {
            _ = reduce(&s, .keyPressed(key))
        }
        for c in "王芳" { _ = reduce(&s, .keyPressed(.character(c))) }
        _ = reduce(&s, .reception(.bookingDuplicatesFound([
            DuplicateMatch(reason: .phone, customerID: 1, customerName: "王芳", phone: "13812345678", vehicleID: 11,
                           plate: "粤A12345"),
        ])))
        return s
    }

    @Test func newCustomerBookingForm() {
        let s = bookingNewCustomer(.zhHans)
        #expect(s.reception.appointments.booking?.newCustomer?.text(.phone) == "138")
        assertSnapshot(ConsoleView.render(s, size: Size(width: 80, height: 24)), named: "appointments-new-customer-80x24")
        assertSnapshot(ConsoleView.render(bookingNewCustomer(.en), size: Size(width: 120, height: 40)),
                       named: "appointments-new-customer-en-120x40")
    }
}
