import Foundation
import ServiceDomain
import ServiceStore
import Testing

/// A shop moving in: `advisor import-history` on the command line, then in the console the comeback warning
/// at reception for a car with a recent imported visit, and the imported open order on the waiting board.
@Suite(.serialized) struct HistoryEndToEndTests {
    static func shopTime(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        f.dateFormat = "yyyy/M/d H:mm"
        return f.string(from: date)
    }

    @Test func importedHistoryWarnsAtReceptionAndPutsOpenOrdersOnTheBoard() throws {
        let session = try TmuxSession()
        try session.makeDemoShop()
        let now = Date()
        let delivered = now.addingTimeInterval(-2 * 86_400)
        let file = URL(fileURLWithPath: session.dbPath).deletingLastPathComponent().appendingPathComponent("旧系统工单.csv").path
        try ("工单号,开单时间,结算时间,预计交车时间,状态,车牌,电话,客户姓名,车型,里程,服务类型,客户描述,技师,工时费,材料费\r\n"
            + "OLD-77001,\(Self.shopTime(delivered.addingTimeInterval(-5 * 3600))),\(Self.shopTime(delivered)),,已结算,粤Z98765,"
            + "13566667777,钱多多,雅阁,30000,维修,刹车异响,老周,200,350\r\n"
            + "OLD-77002,\(Self.shopTime(now.addingTimeInterval(-6 * 3600))),,\(Self.shopTime(now.addingTimeInterval(-3600))),维修中,"
            + "粤Z98764,13566668888,孙小小,思域,12000,保养,保养,,0,0\r\n")
            .write(toFile: file, atomically: true, encoding: .utf8)

        try session.startShell()
        try session.shell("\(TmuxSession.advisorPath) import-history '\(file)'")
        try session.waitFor("2 orders: 2 imported (1 open)", timeout: 30)
        try session.waitFor("$ ")
        let db = try AppDatabase.open(path: session.dbPath)
        let earlier = try #require(try db.repairOrder(externalNumber: "OLD-77001"))
        let open = try #require(try db.repairOrder(externalNumber: "OLD-77002"))
        #expect(earlier.stage == .delivered && open.stage == .inProgress)
        try db.close()

        try session.startConsole(arguments: "--lang zh-Hans")
        try session.waitFor("查找：")
        try session.sendKeys("F3")
        try session.waitFor("接车：")
        try session.sendLiteral("z98765")
        try session.sendKeys("Enter")
        try session.waitFor("可能返修：\(earlier.number)")
        try session.sendKeys("Escape")
        try session.sendKeys("F5")
        try session.waitFor(open.number)
        try session.waitFor(Plate.display("粤Z98764"))
        try session.sendKeys("C-q")
    }
}
