import Testing
@testable import ScreenKit

@Suite struct ThemeParserTests {
    private func error(in text: String, file: String = "themes/mine.theme") -> ThemeError? {
        do {
            _ = try Theme.parse(text, fileName: file)
            return nil
        } catch {
            return error
        }
    }

    @Test func readsColorsAttributesMonoAndName() throws {
        let theme = try Theme.parse("""
            # a comment line
            @name  My   Theme
               # indented comment
            selection  fg=#000000/16/black  bg=#87AFFF/111/cyan  bold,underline reverse  mono=reverse # trailing
            header     fg=#fa0                                     # short hex
            """, fileName: "mine.theme")
        #expect(theme.name == "My Theme")
        let selection = try #require(theme.entries["selection"])
        #expect(selection.fg == ThemeColor(rgb: RGB(0, 0, 0), index256: 16, basic: .ansi(0)))
        #expect(selection.bg == ThemeColor(rgb: RGB(0x87, 0xaf, 0xff), index256: 111, basic: .ansi(6)))
        #expect(selection.attributes == [.bold, .underline, .reverse])
        #expect(selection.mono == .reverse)
        #expect(selection.line == 4)
        #expect(theme.entries["header"]?.fg?.rgb == RGB(0xff, 0xaa, 0x00))
    }

    @Test func nameDefaultsToTheFileName() throws {
        #expect(try Theme.parse("normal fg=default", fileName: "/usr/share/advisor/themes/solar.theme").name == "solar")
    }

    @Test func brightNamesAndDefault() throws {
        let t = try Theme.parse("a fg=bright-red bg=default\nb fg=#101010/233/default", fileName: "t.theme")
        #expect(t.entries["a"]?.fg == ThemeColor(basic: .ansi(9)))
        #expect(t.entries["a"]?.bg == .terminalDefault)
        #expect(t.style(for: "b", depth: .colors8).fg == .default)
        #expect(t.style(for: "b", depth: .colors256).fg == .indexed(233))
    }

    @Test func unknownColorNamesFileLineAndWord() throws {
        let e = try #require(error(in: "normal fg=default\n\n# c\nro.overdue fg=pruple bold\n"))
        #expect(e.file == "themes/mine.theme")
        #expect(e.line == 4)
        #expect(e.problem == .unknownColor("pruple"))
        #expect(e.description.hasPrefix("themes/mine.theme:4: unknown color 'pruple'"))
        #expect(e.descriptionZhHans.contains("未知颜色 'pruple'"))
    }

    @Test(arguments: [
        ("a fg=#12345", ThemeError.Problem.unknownColor("#12345")),
        ("a fg=#gg0000", .unknownColor("#gg0000")),
        ("a fg=#+12345", .unknownColor("#+12345")),
        ("a fg=256", .colorOutOfRange("256")),
        ("a fg=red/blue", .duplicateColorForm("red/blue")),
        ("a fg=1/2", .duplicateColorForm("1/2")),
        ("a fg=red/", .unknownColor("")),
        ("a bolt", .unknownAttribute("bolt")),
        ("a mono=bold,shiny", .unknownAttribute("shiny")),
        ("a fgcolor=red", .unknownSetting("fgcolor=red")),
        ("a fg=red fg=blue", .duplicateSetting("fg")),
        ("a fg=", .missingValue("fg")),
        ("a", .roleWithoutSettings("a")),
        ("fg=red bg=blue", .invalidRoleName("fg=red")),
        ("ro..overdue bold", .invalidRoleName("ro..overdue")),
        ("订单 bold", .invalidRoleName("订单")),
        ("this line is garbage", .unknownAttribute("line")),
        ("@colors 256", .invalidDirective("@colors")),
        ("@name", .invalidDirective("@name")),
    ])
    func badLinesAreRejectedWithTheProblem(line: String, expected: ThemeError.Problem) throws {
        let e = try #require(error(in: "normal fg=default\n" + line))
        #expect(e.problem == expected)
        #expect(e.line == 2)
        #expect(e.description.hasPrefix("themes/mine.theme:2: "))
    }

    @Test func duplicateRoleNamesTheFirstLine() throws {
        let e = try #require(error(in: "selection bg=blue\nnormal fg=default\nselection bg=red"))
        #expect(e.problem == .duplicateRole("selection", firstLine: 1))
        #expect(e.line == 3)
        #expect(e.description == "themes/mine.theme:3: role 'selection' is already defined on line 1")
    }

    @Test func windowsLineEndingsAndTabsAreAccepted() throws {
        let t = try Theme.parse("normal\tfg=red\r\nselection\tbg=blue\t# x\r\n", fileName: "t.theme")
        #expect(t.entries["normal"]?.fg == ThemeColor(basic: .ansi(1)))
        #expect(t.entries["selection"]?.bg == ThemeColor(basic: .ansi(4)))
    }

    @Test func emptyTextIsAnEmptyThemeThatStillDrawsEverything() throws {
        let t = try Theme.parse("", fileName: "empty.theme")
        #expect(t.style(for: .selection, depth: .colors256) == ResolvedStyle())
        #expect(t.style(for: .selection, depth: .mono).attributes == .reverse)
    }
}
