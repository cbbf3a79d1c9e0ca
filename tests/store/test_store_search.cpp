// Search (R21): folded FTS4 over code, names, procedure, address and OCR text, with filters.
#include "storetest.h"

#include <store/cache_private.h>
#include <store/search.h>

using namespace motcua;
using namespace motcua::store;
using namespace motcua::store::test;

class TestStoreSearch : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Cache> m_cache;
    domain::InMemoryDirectory m_directory = domain::demo::directory();
    QList<QUuid> m_ids;

    QStringList codesFor(const SearchQuery &query)
    {
        auto page = m_cache->search(query);
        if (!page) {
            qWarning() << page.error().toString();
            return {QStringLiteral("<error>")};
        }
        QStringList out;
        for (const auto &item : page.value().items)
            out.append(item.code);
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto cache = Cache::open(m_dir.path(), randomKey());
        QVERIFY(cache);
        m_cache = std::move(cache.value());
        const QStringList names{QStringLiteral("Nguyễn Văn A"), QStringLiteral("Nguyễn Thị Ánh"),
                                QStringLiteral("Trần Đức Anh"), QStringLiteral("Lê Văn Đạt"),
                                QStringLiteral("NGUYỄN VĂN AN")};
        for (int i = 0; i < names.size(); ++i) {
            m_ids.append(QUuid::createUuid());
            auto r
                = m_cache->recordAction(receive(m_ids.last(), code(i + 1), names[i],
                                                i == 3 ? QStringLiteral("5 Đường Đống Đa, Quy Nhơn")
                                                       : QStringLiteral("Nha Trang")),
                                        m_directory);
            QVERIFY2(r, why(r).constData());
        }
    }

    void matchExpression()
    {
        QCOMPARE(ftsMatchExpression(QStringLiteral("Nguyễn  Văn A")),
                 QStringLiteral("nguyen van a"));
        QCOMPARE(ftsMatchExpression(QStringLiteral("nguyen van an")),
                 QStringLiteral("nguyen van an*"));
        QCOMPARE(ftsMatchExpression(QStringLiteral("H56-261128-0001")),
                 QStringLiteral("\"h56 261128 0001*\""));
        QCOMPARE(ftsMatchExpression(QStringLiteral("\" * - .")), QString());
        QCOMPARE(ftsMatchExpression(QStringLiteral("Đống Đa")), QStringLiteral("dong da*"));
    }

    void foldedNamesFindDiacritics()
    {
        QCOMPARE(codesFor(SearchQuery::forText(QStringLiteral("nguyen van a"))),
                 (QStringList{code(1)}));
        QCOMPARE(codesFor(SearchQuery::forText(QStringLiteral("Nguyễn Văn A"))),
                 (QStringList{code(1)}));
        QCOMPARE(codesFor(SearchQuery::forText(QStringLiteral("nguyen van an"))),
                 (QStringList{code(5)}));
        QCOMPARE(codesFor(SearchQuery::forText(QStringLiteral("anh"))),
                 (QStringList{code(3), code(2)}));
        QCOMPARE(codesFor(SearchQuery::forText(QStringLiteral("dat"))), (QStringList{code(4)}));
        QCOMPARE(codesFor(SearchQuery::forText(QStringLiteral("dong da"))),
                 (QStringList{code(4)})); // address
        QCOMPARE(codesFor(SearchQuery::forText(QStringLiteral("phiếu lý lịch"))).size(),
                 5); // procedure
        QCOMPARE(codesFor(SearchQuery::forText(QStringLiteral("nobody here"))), QStringList{});
        QCOMPARE(codesFor(SearchQuery::forText(QStringLiteral("\"*"))), QStringList{});
    }

    void byCodeAndPersonalId()
    {
        QCOMPARE(codesFor(SearchQuery::forText(code(3))), (QStringList{code(3)}));
        QCOMPARE(codesFor(SearchQuery::forText(QStringLiteral("261128-0004"))),
                 (QStringList{code(4)}));
        QCOMPARE(codesFor(SearchQuery::forText(QStringLiteral("056090001234"))).size(), 5);
    }

    void ocrText()
    {
        QVERIFY(m_cache->setOcrText(
            m_ids[3], QStringLiteral("Giấy chứng nhận quyền sử dụng đất thửa số 127")));
        QCOMPARE(codesFor(SearchQuery::forText(QStringLiteral("quyen su dung dat"))),
                 (QStringList{code(4)}));
        QVERIFY(m_cache->setOcrText(m_ids[3], QString()));
        QCOMPARE(codesFor(SearchQuery::forText(QStringLiteral("quyen su dung dat"))),
                 QStringList{});
    }

    void filtersAndPaging()
    {
        SearchQuery q;
        q.statuses = {domain::Status::Accepted};
        QCOMPARE(codesFor(q).size(), 5);
        q.statuses = {domain::Status::InProgress};
        QCOMPARE(codesFor(q).size(), 0);
        q = {};
        q.text = QStringLiteral("nguyen");
        q.procedureCodes = {QStringLiteral("2.001417")};
        q.agencyCode = domain::demo::kCentreCode;
        q.onlyWithPending = true;
        QCOMPARE(codesFor(q), (QStringList{code(5), code(2), code(1)}));
        q.procedureCodes = {QStringLiteral("2.000815")};
        QCOMPARE(codesFor(q), QStringList{});
        q = {};
        const QDate today = QDateTime::currentDateTimeUtc().toOffsetFromUtc(7 * 3600).date();
        q.receivedFrom = today;
        q.receivedTo = today;
        QCOMPARE(codesFor(q).size(), 5);
        q.receivedFrom = today.addDays(1);
        q.receivedTo = {};
        QCOMPARE(codesFor(q).size(), 0);
        q = {};
        q.dueBefore = QDateTime(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC);
        QCOMPARE(codesFor(q).size(), 5);
        q.dueBefore = QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC);
        QCOMPARE(codesFor(q).size(), 0);

        // Pages of two, newest first, without overlap.
        q = {};
        q.limit = 2;
        QStringList all;
        for (int i = 0; i < 5; ++i) {
            auto page = m_cache->search(q).value();
            for (const auto &item : page.items)
                all.append(item.code);
            if (!page.more)
                break;
            q.after = page.next;
        }
        QCOMPARE(all, (QStringList{code(5), code(4), code(3), code(2), code(1)}));
    }

    // Several words: the rarer terms drive the index and the common words and a short typed prefix
    // are checked on the candidates (Cache::search); the answer must be the index's own.
    void severalWordsFindWhatTheIndexFinds_R21()
    {
        QTemporaryDir dir;
        auto opened = Cache::open(dir.path(), randomKey());
        QVERIFY2(opened, why(opened).constData());
        Cache &c = *opened.value();
        // Oldest first: ten "Lê Thị Vân" (the only ones with both "thi" and "van"), then "Trần Thị
        // Hồng" and "Nguyễn Văn Bình" alternating, with "Nguyễn Văn Hòa" every 50th.
        QList<PulledChange> changes;
        QStringList hoa;
        QStringList leThiVan;
        for (int i = 0; i < 4200; ++i) {
            const QString name = i < 10 ? QStringLiteral("Lê Thị Vân")
                : i % 50 == 7           ? QStringLiteral("Nguyễn Văn Hòa")
                : i % 2 == 1            ? QStringLiteral("Nguyễn Văn Bình")
                                        : QStringLiteral("Trần Thị Hồng");
            const auto intake = receive(QUuid::createUuid(), code(i + 1), name,
                                        QStringLiteral("5 Lý Thường Kiệt, Huế"));
            changes.append({i + 1, intake, serverDossier(intake, m_directory)});
            if (i < 10)
                leThiVan.prepend(code(i + 1));
            else if (i % 50 == 7)
                hoa.prepend(code(i + 1));
        }
        QVERIFY(c.applyChanges(changes, 4200, m_directory));

        // Every page of a query, with the words checked on the rarest word's dossiers (as at a
        // million dossiers) or with FTS4 alone: the two must agree.
        const auto allPages = [&c](const QString &text, bool checked) {
            detail::alwaysCheckWords = checked;
            SearchQuery q = SearchQuery::forText(text);
            QStringList codes;
            for (;;) {
                auto page = c.search(q);
                if (!page) {
                    codes.append(page.error().toString());
                    break;
                }
                for (const auto &item : page.value().items)
                    codes.append(item.code);
                if (!page.value().more)
                    break;
                q.after = page.value().next;
            }
            detail::alwaysCheckWords = false;
            return codes;
        };
        const auto bothWays = [&](const QString &text, const QStringList &expected) {
            QCOMPARE(allPages(text, true), expected);
            QCOMPARE(allPages(text, false), expected);
            QCOMPARE(c.count(SearchQuery::forText(text)).value(), expected.size());
        };
        QCOMPARE(hoa.size(), 83);
        bothWays(QStringLiteral("Nguyễn Văn Hòa"), hoa); // two pages of 50
        // Typing: the last word a prefix of two letters, checked rather than expanded.
        bothWays(QStringLiteral("nguyen van ho"), hoa);
        bothWays(QStringLiteral("nguyen van hoa b"), {});
        // Two common words that meet only in the ten oldest: the check gives up after its budget
        // of candidates and FTS4 finishes the page.
        bothWays(QStringLiteral("thị vân"), leThiVan);
        bothWays(QStringLiteral("van thi hong"), {});
        // Words across columns still match together (name and address).
        bothWays(QStringLiteral("le van hue"), leThiVan);
        // With a filter: only the checked dossiers that pass it.
        detail::alwaysCheckWords = true;
        SearchQuery filtered = SearchQuery::forText(QStringLiteral("nguyen van ho"));
        filtered.statuses = {domain::Status::InProgress};
        QCOMPARE(c.search(filtered).value().items.size(), 0);
        filtered.statuses = {domain::Status::Accepted};
        QCOMPARE(c.search(filtered).value().items.size(), 50);
        detail::alwaysCheckWords = false;
    }

    void summaryFields()
    {
        auto page = m_cache->search(SearchQuery::forText(QStringLiteral("tran duc anh"))).value();
        QCOMPARE(page.items.size(), 1);
        const auto &s = page.items.first();
        QCOMPARE(s.applicantName, QStringLiteral("Trần Đức Anh"));
        QCOMPARE(s.procedureCode, QStringLiteral("2.001417"));
        QCOMPARE(s.stage, domain::Stage::Received);
        QVERIFY(s.receivedAt.isValid());
        QVERIFY(s.hasPending);
        QCOMPARE(s.id, m_ids[2]);
    }
};

QTEST_GUILESS_MAIN(TestStoreSearch)
#include "test_store_search.moc"
