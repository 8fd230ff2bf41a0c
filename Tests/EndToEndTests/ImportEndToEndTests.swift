import Foundation
import Testing

/// `advisor import` and `advisor export` as a shop runs them: separate processes, in whatever time zone
/// the machine is set to, on the files Excel writes.
@Suite(.serialized) struct ImportEndToEndTests {
    static let zones = ["Asia/Shanghai", "UTC", "America/Los_Angeles"]

    /// `advisor ARGS` as `user` with `TZ` set; the exit status and what it printed.
    func advisor(_ args: [String], zone: String, in folder: ScratchFolder, language: String = "C.UTF-8")
        throws -> (status: Int32, out: String) {
        var env = ProcessInfo.processInfo.environment
        env["USER"] = "wangfang"
        env["LOGNAME"] = "wangfang"
        env["LANG"] = language
        env["LC_ALL"] = language
        env["TZ"] = zone
        env.removeValue(forKey: "ADVISOR_LANG")
        let child = try ChildProcess.start(TmuxSession.advisorPath, args, environment: env,
                                           outputPath: folder.path("out-\(UUID().uuidString)"))
        let result = child.wait()
        return (result.status, child.output)
    }

    @Test func datesSurviveImportAndExportInThreeTimeZones() throws {
        let folder = try ScratchFolder("tz")
        let input = folder.path("shop.csv")
        try ("name,phones,out_of_warranty,used_car,plate,vin,model,purchase_date,warranty_end_date,warranty_end_km,notes\r\n"
            + "王芳,13812345678,0,0,粤A12345,,朗逸,2021-03-15,2024/4/30,100000,\r\n"
            + "李雷,13900001111,0,1,粤B24680,,卡罗拉,2023-01-01,2022-12-31,,二手车\r\n")
            .write(toFile: input, atomically: true, encoding: .utf8)
        var exports: [String: String] = [:]
        for importZone in Self.zones {
            let db = folder.path("\(importZone.replacingOccurrences(of: "/", with: "-"))/advisor.db")
            let imported = try advisor(["import", "--db", db, input], zone: importZone, in: folder)
            #expect(imported.status == 0, "\(importZone): \(imported.out)")
            for exportZone in Self.zones {
                let output = folder.path("export-\(UUID().uuidString).csv")
                let exported = try advisor(["export", "--db", db, output], zone: exportZone, in: folder)
                #expect(exported.status == 0, "\(exportZone): \(exported.out)")
                exports["\(importZone) → \(exportZone)"] = try String(contentsOfFile: output, encoding: .utf8)
            }
        }
        #expect(exports.count == 9)
        for (zones, text) in exports {
            #expect(text.contains("粤A12345,,朗逸,2021-03-15,2024-04-30,100000"), "\(zones):\n\(text)")
            #expect(text.contains("粤B24680,,卡罗拉,2023-01-01,2022-12-31,"), "\(zones):\n\(text)")
        }
        #expect(Set(exports.values).count == 1, "the exports differ between time zones")
    }

    @Test func aGB18030FileWithABadRowIsRefusedWithEveryProblemListedBesideIt() throws {
        let folder = try ScratchFolder("gb")
        let text = "姓名,电话,车牌,车型,购车日期,保修截止,备注\r\n"
            + "王芳,13812345678,粤A12345,朗逸,2021/3/15,2024/3/15,老客户\r\n"
            + "李雷,14012345678,粤A12346,卡罗拉,2021/13/15,2024/3/15,\r\n"
            + "张伟,13600001111,粤A12347,速腾,2099/1/1,,\r\n"
        let input = folder.path("客户.csv")
        let gb = try iconv(text, to: "GB18030")
        #expect(String(data: gb, encoding: .utf8) == nil, "the test file must not be valid UTF-8")
        try gb.write(to: URL(fileURLWithPath: input))
        let db = folder.path("data/advisor.db")

        let refused = try advisor(["import", "--db", db, input], zone: "Asia/Shanghai", in: folder)
        #expect(refused.status != 0)
        #expect(refused.out.contains("Line 3, phones: No carrier issues mobile numbers starting 140"), "\(refused.out)")
        #expect(refused.out.contains("Line 3, purchase_date: Write the date as yyyy-MM-dd"), "\(refused.out)")
        #expect(refused.out.contains("Line 4, purchase_date: Purchase date 2099-01-01 is after today"), "\(refused.out)")
        #expect(refused.out.contains("3 problems in all, every one listed in \(input).errors.csv"), "\(refused.out)")
        #expect(refused.out.contains("Nothing was imported"))

        let errors = try String(contentsOfFile: input + ".errors.csv", encoding: .utf8)
        let lines = errors.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 4, "\(errors)")
        #expect(lines[0] == "line,column,value,message")
        #expect(try Data(contentsOf: URL(fileURLWithPath: input + ".errors.csv")).prefix(3) == Data([0xEF, 0xBB, 0xBF]))
        #expect(lines[1].hasPrefix("3,phones,14012345678,No carrier issues"))
        #expect(lines[2].hasPrefix("3,purchase_date,2021/13/15,"))
        #expect(lines[3].hasPrefix("4,purchase_date,2099/1/1,Purchase date 2099-01-01 is after today"))

        // Nothing of the file was kept: the export holds the header only.
        let export = folder.path("after.csv")
        #expect(try advisor(["export", "--db", db, export], zone: "UTC", in: folder).status == 0)
        #expect(try String(contentsOfFile: export, encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 1)

        // Fixed in the sheet, the same GB18030 file imports; the Chinese reads back as Chinese.
        let fixed = text.replacingOccurrences(of: "14012345678", with: "13912345678")
            .replacingOccurrences(of: "2021/13/15", with: "2021/12/15").replacingOccurrences(of: "2099/1/1", with: "2019/1/1")
        try iconv(fixed, to: "GB18030").write(to: URL(fileURLWithPath: input))
        let imported = try advisor(["import", "--db", db, input], zone: "Asia/Shanghai", in: folder, language: "zh_CN.UTF-8")
        #expect(imported.status == 0, "\(imported.out)")
        #expect(imported.out.contains("已导入 3 行"), "\(imported.out)")
        #expect(try advisor(["export", "--db", db, export], zone: "UTC", in: folder).status == 0)
        let exported = try String(contentsOfFile: export, encoding: .utf8)
        #expect(exported.contains("王芳,13812345678,0,0,粤A12345,,朗逸,2021-03-15,2024-03-15,,老客户"), "\(exported)")
        #expect(exported.contains("李雷,13912345678,0,0,粤A12346,,卡罗拉,2021-12-15,2024-03-15,,"))
    }

    @Test func anEmptyOrHeaderOnlyFileSaysNothingWasImportedAndFails() throws {
        let folder = try ScratchFolder("empty")
        let db = folder.path("data/advisor.db")
        for (name, content) in [("empty.csv", ""), ("header.csv", "姓名,电话\r\n")] {
            let input = folder.path(name)
            try content.write(toFile: input, atomically: true, encoding: .utf8)
            let result = try advisor(["import", "--db", db, input], zone: "UTC", in: folder)
            #expect(result.status != 0, "\(name)")
            #expect(result.out.contains("Nothing was imported"), "\(name): \(result.out)")
        }
    }

    private func iconv(_ text: String, to encoding: String) throws -> Data {
        let source = FileManager.default.temporaryDirectory.appendingPathComponent("iconv-\(UUID().uuidString)")
        try text.write(to: source, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: source) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", encoding, source.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw E2EError("iconv failed") }
        return data
    }
}
