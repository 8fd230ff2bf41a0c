import Foundation
import Testing
import ServiceDomain
@testable import ServiceStore

/// The store schedules calls with the domain's calling-window rule: at delivery, on retries, and when the
/// customer's window is picked.
@Suite struct CallingWindowStoreTests {
    /// A car taken through QC to ready, delivered at `deliveredAt` minutes after 09:00 on 2026-11-22 (Shanghai).
    private func deliver(_ shop: WorkshopShop, at deliveredAt: Double) throws -> DeliveryResult {
        var ro = try shop.inQC(.level2Maintenance)
        _ = try shop.db.recordQualityCheck(roID: ro.id!, passed: true, operator: shop.op(shop.inspector), now: shop.at(61))
        ro = try shop.move(try shop.fresh(ro), .readyForPickup, 70)
        return try shop.db.deliver(roID: ro.id!, version: ro.version, ticked: shop.allManualTicks, shopName: "天河店",
                                   operator: shop.op(shop.manager), now: shop.at(deliveredAt))
    }

    @Test func aDeliveryAt0742IsCalledAtNineNotAt0742() throws {
        let shop = try WorkshopShop()
        // Delivered 07:42 the next morning (the car stayed overnight): 24 h later is 07:42 on the 24th.
        let result = try deliver(shop, at: 22 * 60 + 42)
        #expect(result.callback.dueAt == shop.at(48 * 60)) // 2026-11-24 09:00
        #expect(try shop.db.callbackQueue(now: shop.at(48 * 60)).first?.callback.dueAt == shop.at(48 * 60))
    }

    @Test func theCallingHoursAreASettingInTheShopsZone() throws {
        let shop = try WorkshopShop()
        try shop.db.setSetting(key: CallingHours.key, value: "10:00-19:00", operator: shop.op(shop.manager), now: shop.at(1))
        let inHours = try deliver(shop, at: 22 * 60 + 42)
        #expect(inHours.callback.dueAt == shop.at(49 * 60)) // 10:00

        let other = try WorkshopShop()
        try other.db.setSetting(key: "shop.timezone", value: "Europe/London", operator: other.op(other.manager), now: other.at(1))
        // 2026-11-23 07:42 Shanghai is 23:42 London the night before; 24 h later is 23:42, so 09:00 London on the 24th.
        let london = try deliver(other, at: 22 * 60 + 42)
        let expected = ShopCalendar.calendar(TimeZone(identifier: "Europe/London")!)
            .date(from: DateComponents(year: 2026, month: 11, day: 24, hour: 9, minute: 0))!
        #expect(london.callback.dueAt == expected)
    }

    @Test func theCustomersWindowMovesTheirCallsAndTheirRetries() throws {
        let shop = try WorkshopShop()
        // Delivered 12:20: the call would be at 12:20 tomorrow, in the middle of lunch.
        let result = try deliver(shop, at: 3 * 60 + 20)
        #expect(result.callback.dueAt == shop.at(27 * 60 + 20))
        let moved = try shop.db.setCallWindow(customerID: shop.customer.id!, window: .notLunchtime, operator: shop.op(shop.advisor),
                                              now: shop.at(4 * 60))
        #expect(moved.map(\.dueAt) == [shop.at(29 * 60)]) // 14:00 tomorrow
        #expect(try shop.db.callWindow(customerID: shop.customer.id!) == .notLunchtime)
        let row = try #require(try shop.db.callbackQueue(now: shop.at(29 * 60)).first)
        #expect(row.callWindow == .notLunchtime && row.callback.dueAt == shop.at(29 * 60))
        let audit = try shop.db.auditEntries(entity: "customer", entityID: shop.customer.id!)
        #expect(audit.contains { $0.action == "callWindow" && $0.detail.contains("notLunchtime") })

        // No answer at 11:30 the day after: two hours later is 13:30, lunch for this customer, so 14:00.
        let callback = row.callback
        let attempt = try shop.db.recordCallOutcome(callbackID: callback.id!, version: callback.version, outcome: .noAnswer,
                                                    operator: shop.op(shop.advisor), now: shop.at(50 * 60 + 30))
        #expect(attempt.callback.nextTryAt == shop.at(53 * 60))
    }

    @Test func theCustomersOwnWordsAreReadWhenNoWindowWasPicked() throws {
        let shop = try WorkshopShop()
        var customer = try #require(try shop.db.customer(id: shop.customer.id!))
        customer.preferredCallTime = "下午"
        _ = try shop.db.saveCustomer(customer, operator: shop.op(shop.advisor), now: shop.at(0))
        let result = try deliver(shop, at: 90)
        #expect(result.callback.dueAt == shop.at(29 * 60)) // 14:00 tomorrow, not 10:30
    }
}
