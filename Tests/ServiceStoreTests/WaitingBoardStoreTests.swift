import Foundation
import Testing
import ServiceDomain
@testable import ServiceStore

@Suite struct WaitingBoardStoreTests {
    /// Orders opened at 09:00 with promises spread around `now`, some only checked in, one waiter.
    func board() throws -> (WorkshopShop, now: Date) {
        let shop = try WorkshopShop()
        // Promised in 30 min steps from 09:30 to 15:00; now is 11:00.
        for i in 0..<12 {
            var ro = try shop.open(.minorRepair, promiseHours: 0.5 * Double(i + 1), waiter: i == 7)
            if i % 3 != 0 {
                ro = try shop.db.dispatch(roID: ro.id!, technicianID: (i % 2 == 0 ? shop.techA : shop.techB).id!,
                                          version: ro.version, operator: shop.op(shop.advisor), now: shop.at(1))
            }
        }
        return (shop, shop.at(120))
    }

    @Test func riskiestFirstAndColoursAgreeWithTheRule() throws {
        let (shop, now) = try board()
        let page = try shop.db.waitingBoard(filter: WaitingBoardFilter(), sort: .risk, now: now, offset: 0, limit: 100)
        #expect(page.total == 12)
        let risks = page.rows.map { $0.risk(now: now) }
        #expect(risks == risks.sorted())
        // Promised 09:30..11:00 are missed (4); 11:30 is at risk; later only-checked-in ones past a quarter too.
        #expect(page.missed == 4)
        #expect(page.missed + page.atRisk == risks.filter { $0 != .onTrack }.count)
        #expect(page.rows[0].phone == "13812345678" && page.rows[0].advisorName == "李娜")
        #expect(page.rows.contains { $0.technicians == "刘德明" })
    }

    @Test func pagingReturnsWindowsOfTheWholeBoard() throws {
        let (shop, now) = try board()
        let all = try shop.db.waitingBoard(filter: WaitingBoardFilter(), sort: .promised, now: now, offset: 0, limit: 100)
        let first = try shop.db.waitingBoard(filter: WaitingBoardFilter(), sort: .promised, now: now, offset: 0, limit: 5)
        let second = try shop.db.waitingBoard(filter: WaitingBoardFilter(), sort: .promised, now: now, offset: 5, limit: 5)
        #expect(first.rows.count == 5 && first.total == 12)
        #expect(first.rows.map(\.id) + second.rows.map(\.id) == Array(all.rows.prefix(10)).map(\.id))
        #expect(all.rows.map(\.promisedAt) == all.rows.map(\.promisedAt).sorted())
    }

    @Test func filtersByAdvisorStageAndWaiter() throws {
        let (shop, now) = try board()
        let waiters = try shop.db.waitingBoard(filter: WaitingBoardFilter(waitersOnly: true), sort: .risk, now: now,
                                               offset: 0, limit: 100)
        #expect(waiters.total == 1 && waiters.rows[0].isWaiter)
        let checkedIn = try shop.db.waitingBoard(filter: WaitingBoardFilter(stage: .checkedIn), sort: .risk, now: now,
                                                 offset: 0, limit: 100)
        #expect(checkedIn.total == 4 && checkedIn.rows.allSatisfy { $0.stage == .checkedIn })
        let nobody = try shop.db.waitingBoard(filter: WaitingBoardFilter(advisorID: shop.manager.id), sort: .risk,
                                              now: now, offset: 0, limit: 100)
        #expect(nobody.total == 0 && nobody.rows.isEmpty)
        let mine = try shop.db.waitingBoard(filter: WaitingBoardFilter(advisorID: shop.advisor.id), sort: .advisor,
                                            now: now, offset: 0, limit: 100)
        #expect(mine.total == 12)
    }

    @Test func riskBoundaryInSQLMatchesTheRule() throws {
        let shop = try WorkshopShop()
        let ro = try shop.open(.minorRepair, promiseHours: 8)
        func risk(_ seconds: TimeInterval) throws -> (PromiseRisk, Int, Int) {
            let now = shop.at(0).addingTimeInterval(seconds)
            let page = try shop.db.waitingBoard(filter: WaitingBoardFilter(), sort: .risk, now: now, offset: 0, limit: 5)
            return (page.rows[0].risk(now: now), page.missed, page.atRisk)
        }
        // Exactly a quarter of the promise still checked in: on track; one second later: at risk.
        #expect(try risk(2 * 3600) == (.onTrack, 0, 0))
        #expect(try risk(2 * 3600 + 1) == (.atRisk, 0, 1))
        #expect(try risk(8 * 3600 - 1) == (.atRisk, 0, 1))
        #expect(try risk(8 * 3600) == (.missed, 1, 0))
        _ = ro
    }

    /// QC state and the stage before a hold are read for the whole page at once; they must agree with
    /// what the order's own detail says.
    @Test func qcAndHoldAgreeWithEachOrdersDetail() throws {
        let shop = try WorkshopShop()
        let passed = try shop.inQC()
        _ = try shop.db.recordQualityCheck(roID: passed.id!, passed: true, operator: shop.op(shop.inspector), now: shop.at(70))
        let waiting = try shop.inQC()
        var held = try shop.open()
        held = try shop.db.dispatch(roID: held.id!, technicianID: shop.techB.id!, version: held.version,
                                    operator: shop.op(shop.advisor), now: shop.at(5))
        held = try shop.move(held, .inProgress, 10)
        held = try shop.move(shop.fresh(held), .onHold, 20, note: "等待客户确认增项")
        _ = try shop.open()
        let page = try shop.db.waitingBoard(filter: WaitingBoardFilter(), sort: .promised, now: shop.at(90), offset: 0, limit: 10)
        #expect(page.rows.count == 4)
        for row in page.rows {
            let detail = try #require(try shop.db.repairOrderDetail(roID: row.id))
            #expect(row.qcPassed == detail.qcPassed, "\(row.number)")
            #expect(row.heldFrom == detail.heldFrom, "\(row.number)")
        }
        #expect(page.rows.first { $0.id == passed.id }?.qcPassed == true)
        #expect(page.rows.first { $0.id == waiting.id }?.qcPassed == false)
        #expect(page.rows.first { $0.id == held.id }?.heldFrom == .inProgress)
    }

    @Test func closedOrdersLeaveTheBoard() throws {
        let shop = try WorkshopShop()
        let ro = try shop.open(.minorRepair)
        _ = try shop.move(ro, .cancelled, 5, note: "客户取消")
        let page = try shop.db.waitingBoard(filter: WaitingBoardFilter(), sort: .risk, now: shop.at(10), offset: 0,
                                            limit: 10)
        #expect(page.total == 0)
    }
}
