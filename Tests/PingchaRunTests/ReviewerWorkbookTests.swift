import Foundation
import GRDB
import PingchaTestSupport
import XCTest

extension RunStoreTests {
    /// Runs `script` with python3 and openpyxl (a reviewer's spreadsheet program stands in
    /// for Excel); skips when either is missing.
    func openpyxl(_ script: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import openpyxl, sys\n" + script]
        process.currentDirectoryURL = URL(fileURLWithPath: dir)
        let err = Pipe()
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        if process.terminationStatus != 0, message.contains("No module named 'openpyxl'") || process.terminationStatus == 127 {
            throw XCTSkip("python3 with openpyxl is needed (pip install --break-system-packages openpyxl)")
        }
        XCTAssertEqual(process.terminationStatus, 0, message)
    }

    /// assign writes a reviewer's workbook; a reviewer fills it in (openpyxl, as Excel saves
    /// it), and `run --scoresheet` takes the same decisions as from the CSV; a wrong cell is
    /// named by sheet, row and column.
    func testReviewerWorkbookRoundTrip() throws {
        try generate(200, seed: 13)
        XCTAssertEqual(try run(["--input", "in", "--batch", "S"]).status, 0)
        XCTAssertEqual(try CommandRunner.run(["sample", "--db", "store.sqlite", "--batch", "S", "--per-department", "1", "--seed", "5"], in: dir).status, 0)
        FileManager.default.createFile(atPath: dir + "/reviewers.csv", contents: Data("姓名,单位\n丙,司法局\n".utf8))
        let a = try CommandRunner.run(["assign", "--db", "store.sqlite", "--batch", "S", "--reviewers", "reviewers.csv"], in: dir)
        XCTAssertEqual(a.status, 0, a.stderr)
        let folder = "reports/S/assignment/"
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/" + folder + "评查表_丙.xlsx"))
        // What the reviewer is given: the three sheets, the decision sheet's key columns
        // locked under a protection without password, a drop-down and a range per row.
        try openpyxl("""
            wb = openpyxl.load_workbook('\(folder)评查表_丙.xlsx')
            assert wb.sheetnames == ['填写说明', '案件信息', '评查表'], wb.sheetnames
            # 案件信息 prints a case to a row: landscape, one page wide, the header row on every
            # page, the findings wrapped.
            facts = wb['案件信息']
            assert facts.page_setup.orientation == 'landscape', facts.page_setup.orientation
            assert facts.sheet_properties.pageSetUpPr.fitToPage and facts.page_setup.fitToWidth == 1 and facts.page_setup.fitToHeight == 0
            assert facts.print_title_rows == '$1:$1' and not facts.print_title_cols, (facts.print_title_rows, facts.print_title_cols)
            assert [c.value for c in facts[1]][-1] == '自动评查发现' and facts.cell(2, facts.max_column).alignment.wrap_text
            assert sum(facts.column_dimensions[openpyxl.utils.get_column_letter(c)].width for c in range(1, facts.max_column + 1)) * 5.25 <= 770 / 0.75
            ws = wb['评查表']
            head = [c.value for c in ws[1]]
            assert head == ['案件编号', '执法主体', '细则', '细则名称', '最高扣分', '依据', '自动评查结果', '结论', '扣分', '评查人员', '备注'], head
            assert ws.protection.sheet and not ws.protection.password
            assert [ws.cell(2, c).protection.locked for c in range(1, 12)] == [True] * 7 + [False, False, True, False]
            kinds = {(v.type, v.formula1) for v in ws.data_validations.dataValidation}
            assert ('list', '"符合,不符合,不适用"') in kinds, kinds
            rows = ws.max_row - 1
            covered = sum(1 for v in ws.data_validations.dataValidation if v.type == 'decimal' for r in v.sqref.ranges for _ in r.rows)
            assert covered == rows, (covered, rows)
            # The CSV beside it has the same rows: key, rule, title, maximum, basis, outcome.
            import csv
            with open('\(folder)评查表_丙.csv', encoding='utf-8-sig') as f:
                lines = list(csv.reader(f))
            assert len(lines) - 1 == rows
            for i, line in enumerate(lines[1:], start=2):
                r = [ws.cell(i, c).value for c in range(1, 12)]
                assert line[:3] == r[:3] and line[7] == r[3] and float(line[8]) == r[4] and line[9] == (r[5] or '') and line[10] == r[6], (line, r)
            # 丙 decides the first three rows and writes a note.
            ws['H2'] = '不符合'; ws['I2'] = float(ws['E2'].value) / 2; ws['K2'] = '笔录未逐页签名'
            ws['H3'] = '符合'
            ws['H4'] = '不适用'
            wb.save('filled.xlsx')
            ws['H5'] = '也许'
            wb.save('wrong.xlsx')
            """)
        // The run writes reports/S/ anew: the CSV's keys are read first.
        let csv = try String(contentsOfFile: dir + "/" + folder + "评查表_丙.csv", encoding: .utf8).components(separatedBy: "\r\n")
        let keys = csv[1...3].map { line -> [String] in
            let cells = line.components(separatedBy: ",")
            return [cells[0].replacingOccurrences(of: "\u{FEFF}", with: ""), cells[2]]
        }
        let halfOfMax = try XCTUnwrap(Double(csv[1].components(separatedBy: ",")[8])) / 2
        let merged = try run(["--input", "in", "--batch", "S", "--scoresheet", "filled.xlsx"])
        XCTAssertEqual(merged.status, 0, merged.stderr)
        try store().read { db in
            let decisions = try Row.fetchAll(db, sql: "SELECT case_id, rule_id, outcome, deduct, reviewer, note, line FROM decision ORDER BY line")
            XCTAssertEqual(decisions.map { [$0["case_id"], $0["rule_id"]] as [String] }, keys)
            XCTAssertEqual(decisions.map { $0["outcome"] as String }, ["fail", "pass", "na"])
            XCTAssertEqual(decisions.map { $0["reviewer"] as String }, ["丙", "丙", "丙"])
            XCTAssertEqual(decisions.map { $0["note"] as String? }, ["笔录未逐页签名", nil, nil])
            XCTAssertEqual(decisions.map { $0["line"] as Int }, [2, 3, 4])
            XCTAssertEqual((decisions[0]["deduct"] as String?).flatMap(Double.init), halfOfMax)
            XCTAssertEqual(decisions[1]["deduct"] as String?, nil)
        }
        let wrong = try run(["--input", "in", "--batch", "S", "--scoresheet", "wrong.xlsx"])
        XCTAssertNotEqual(wrong.status, 0)
        XCTAssertTrue(wrong.stderr.contains("wrong.xlsx 工作表“评查表” 第5行 第H列: 结论“也许”无效，应为 pass/fail/na 或 符合/不符合/不适用"),
                      wrong.stderr)
    }
}
