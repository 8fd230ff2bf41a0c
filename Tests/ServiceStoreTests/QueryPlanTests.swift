import Foundation
import GRDB
import ServiceDomain
import Testing
@testable import ServiceStore

/// The reads the panels make on every start and refresh use the index they were written for. A plan
/// that silently falls back to a scan is fast on a test file and slow on years of orders (the waiting
/// board took 545 ms at 300,000 orders before it named its index).
@Suite struct QueryPlanTests {
    func plan(_ db: AppDatabase, _ sql: String, _ arguments: StatementArguments = []) throws -> [String] {
        try db.dbPool.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String }
        }
    }

    @Test func theBoardStartsFromTheOpenOrdersOnTheStageIndex() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        for sort in WaitingBoardSort.allCases {
            for filter in [WaitingBoardFilter(), WaitingBoardFilter(advisorID: 3, stage: .inProgress, waitersOnly: true)] {
                let page = try plan(db, WaitingBoardSQL.page(filter: filter, sort: sort, now: Fixture.morning, offset: 0, limit: 60))
                #expect(page.first?.hasPrefix("SEARCH ro USING INDEX repair_order_stage") == true, "\(sort): \(page)")
                let count = try plan(db, WaitingBoardSQL.count(filter: filter, now: Fixture.morning))
                #expect(count.contains { $0.hasPrefix("SEARCH ro USING INDEX repair_order_stage") }, "\(count)")
            }
        }
    }

    @Test func recentUnreachableCallbacksAndOpenedOrdersUseTheirIndexes() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let tasks = try plan(db, CallbackRowsSQL.callbacks("cb.status = 'unreachable' AND cb.completed_at >= ?",
                                                           order: "cb.completed_at DESC, cb.id"), [Fixture.morning])
        #expect(tasks.contains { $0.contains("callback_status_completed (status=? AND completed_at>?)") }, "\(tasks)")
        let queue = try plan(db, CallbackRowsSQL.callbacks(CallbackRowsSQL.openQueue))
        #expect(queue.contains { $0.contains("USING INDEX callback_status_completed (status=?)") }, "\(queue)")
        let opened = try plan(db, KPIReportSQL.ordersOpened, [Fixture.morning, Fixture.morning])
        #expect(opened.contains { $0.contains("USING INDEX repair_order_opened") }, "\(opened)")
    }
}
