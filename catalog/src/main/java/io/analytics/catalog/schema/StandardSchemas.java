package io.analytics.catalog.schema;

import static io.analytics.catalog.schema.ColumnSpec.optional;
import static io.analytics.catalog.schema.ColumnSpec.required;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The ready-made schemas of trading data: money and prices are DECIMAL(18,4), instants are
 * TIMESTAMPTZ, and each schema checks what must hold for a row to make sense.
 */
public final class StandardSchemas {
  private static final String MONEY = "DECIMAL(18,4)";
  private static final String DATE_FROM_TS = "CAST(ts AS DATE)";
  private static final CheckSpec SIDE = new CheckSpec("side_valid", "side IN ('BUY', 'SELL')");
  private static final CheckSpec QUANTITY = new CheckSpec("quantity_positive", "quantity > 0");
  private static final CheckSpec PRICE = new CheckSpec("price_positive", "price > 0");
  private static final CheckSpec SYMBOL = new CheckSpec("symbol_not_blank", "length(trim(symbol)) > 0");

  public static final TableSchema TRADE =
      new TableSchema(
          "TradeSchema",
          "Executed trades: one row per execution.",
          List.of(
              required("trade_id", "BIGINT"),
              required("ts", "TIMESTAMPTZ"),
              required("symbol", "VARCHAR"),
              required("side", "VARCHAR"),
              required("quantity", MONEY),
              required("price", MONEY),
              optional("venue", "VARCHAR"),
              optional("order_id", "VARCHAR"),
              required("date", "DATE").withDefault(DATE_FROM_TS)),
          List.of(SIDE, QUANTITY, PRICE, SYMBOL),
          List.of("date"));

  public static final TableSchema ORDER =
      new TableSchema(
          "OrderSchema",
          "Orders as sent: one row per order.",
          List.of(
              required("order_id", "VARCHAR"),
              required("ts", "TIMESTAMPTZ"),
              required("symbol", "VARCHAR"),
              required("side", "VARCHAR"),
              required("order_type", "VARCHAR"),
              required("quantity", MONEY),
              optional("limit_price", MONEY),
              required("status", "VARCHAR"),
              optional("account", "VARCHAR"),
              required("date", "DATE").withDefault(DATE_FROM_TS)),
          List.of(
              SIDE,
              QUANTITY,
              SYMBOL,
              new CheckSpec("order_type_valid", "order_type IN ('MARKET', 'LIMIT', 'STOP', 'STOP_LIMIT')"),
              new CheckSpec(
                  "status_valid", "status IN ('NEW', 'PARTIALLY_FILLED', 'FILLED', 'CANCELLED', 'REJECTED')"),
              new CheckSpec("limit_price_positive", "limit_price > 0"),
              new CheckSpec(
                  "limit_order_has_price", "order_type NOT IN ('LIMIT', 'STOP_LIMIT') OR limit_price IS NOT NULL")),
          List.of("date"));

  public static final TableSchema FILL =
      new TableSchema(
          "FillSchema",
          "Fills of orders: one row per (partial) execution of an order.",
          List.of(
              required("fill_id", "VARCHAR"),
              required("order_id", "VARCHAR"),
              required("ts", "TIMESTAMPTZ"),
              required("symbol", "VARCHAR"),
              required("side", "VARCHAR"),
              required("quantity", MONEY),
              required("price", MONEY),
              optional("venue", "VARCHAR"),
              optional("fee", MONEY),
              optional("liquidity", "VARCHAR"),
              required("date", "DATE").withDefault(DATE_FROM_TS)),
          List.of(
              SIDE,
              QUANTITY,
              PRICE,
              new CheckSpec("fee_non_negative", "fee >= 0"),
              new CheckSpec("liquidity_valid", "liquidity IN ('MAKER', 'TAKER')")),
          List.of("date"));

  public static final TableSchema PRICE_BAR =
      new TableSchema(
          "PriceSchema",
          "Daily OHLCV bars: one row per symbol and day.",
          List.of(
              required("symbol", "VARCHAR"),
              required("date", "DATE"),
              optional("ts", "TIMESTAMPTZ"),
              required("open", MONEY),
              required("high", MONEY),
              required("low", MONEY),
              required("close", MONEY),
              required("volume", "BIGINT")),
          List.of(
              SYMBOL,
              new CheckSpec("high_ge_low", "high >= low"),
              new CheckSpec("high_ge_open_close", "high >= greatest(open, close)"),
              new CheckSpec("low_le_open_close", "low <= least(open, close)"),
              new CheckSpec("low_positive", "low > 0"),
              new CheckSpec("volume_non_negative", "volume >= 0")),
          List.of("date"));

  public static final TableSchema TICK =
      new TableSchema(
          "TickSchema",
          "Trade ticks from a market data feed.",
          List.of(
              required("ts", "TIMESTAMPTZ"),
              required("symbol", "VARCHAR"),
              required("price", MONEY),
              required("size", MONEY),
              optional("venue", "VARCHAR"),
              required("date", "DATE").withDefault(DATE_FROM_TS)),
          List.of(SYMBOL, PRICE, new CheckSpec("size_positive", "size > 0")),
          List.of("date"));

  public static final TableSchema QUOTE =
      new TableSchema(
          "QuoteSchema",
          "Top-of-book quotes from a market data feed.",
          List.of(
              required("ts", "TIMESTAMPTZ"),
              required("symbol", "VARCHAR"),
              required("bid_price", MONEY),
              required("bid_size", MONEY),
              required("ask_price", MONEY),
              required("ask_size", MONEY),
              optional("venue", "VARCHAR"),
              required("date", "DATE").withDefault(DATE_FROM_TS)),
          List.of(
              SYMBOL,
              new CheckSpec("bid_positive", "bid_price > 0"),
              new CheckSpec("ask_ge_bid", "ask_price >= bid_price"),
              new CheckSpec("sizes_non_negative", "bid_size >= 0 AND ask_size >= 0")),
          List.of("date"));

  public static final TableSchema POSITION =
      new TableSchema(
          "PositionSchema",
          "End-of-day positions: one row per symbol (and account) and day; short positions are negative.",
          List.of(
              required("date", "DATE"),
              optional("account", "VARCHAR"),
              required("symbol", "VARCHAR"),
              required("quantity", MONEY),
              optional("avg_cost", MONEY),
              optional("market_price", MONEY),
              optional("market_value", MONEY)),
          List.of(
              SYMBOL,
              new CheckSpec("avg_cost_non_negative", "avg_cost >= 0"),
              new CheckSpec("market_price_positive", "market_price > 0")),
          List.of());

  public static final TableSchema PNL =
      new TableSchema(
          "PnLSchema",
          "Daily profit and loss per symbol: yesterday's position marked to today's close plus today's trades"
              + " marked to the close.",
          List.of(
              required("date", "DATE"),
              optional("account", "VARCHAR"),
              required("symbol", "VARCHAR"),
              required("position", MONEY),
              required("close_price", MONEY),
              required("position_pnl", MONEY),
              required("trading_pnl", MONEY),
              required("total_pnl", MONEY),
              optional("traded_notional", MONEY),
              optional("trade_count", "BIGINT")),
          List.of(
              SYMBOL,
              new CheckSpec("close_positive", "close_price > 0"),
              new CheckSpec("total_is_sum", "total_pnl = position_pnl + trading_pnl"),
              new CheckSpec("trade_count_non_negative", "trade_count >= 0")),
          List.of());

  public static final TableSchema PORTFOLIO_SNAPSHOT =
      new TableSchema(
          "PortfolioSnapshotSchema",
          "A portfolio's holdings at one instant.",
          List.of(
              required("snapshot_ts", "TIMESTAMPTZ"),
              required("account", "VARCHAR"),
              required("symbol", "VARCHAR"),
              required("quantity", MONEY),
              required("price", MONEY),
              required("market_value", MONEY),
              optional("weight", "DOUBLE"),
              required("currency", "VARCHAR").withDefault("'USD'")),
          List.of(
              SYMBOL,
              PRICE,
              new CheckSpec("weight_in_range", "abs(weight) <= 1"),
              new CheckSpec("currency_iso", "length(currency) = 3")),
          List.of());

  private static final List<TableSchema> ALL =
      List.of(TRADE, ORDER, FILL, PRICE_BAR, TICK, QUOTE, POSITION, PNL, PORTFOLIO_SNAPSHOT);

  private StandardSchemas() {}

  public static List<TableSchema> all() {
    return ALL;
  }

  /**
   * The standard schema called {@code name}: its full name ({@code TradeSchema}) or short one
   * ({@code trade}, {@code trades}), in any case.
   */
  public static Optional<TableSchema> byName(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    for (TableSchema schema : ALL) {
      String full = schema.name().toLowerCase(Locale.ROOT);
      String shortName = full.substring(0, full.length() - "schema".length());
      if (wanted.equals(full) || wanted.equals(shortName) || wanted.equals(shortName + "s")) {
        return Optional.of(schema);
      }
    }
    return Optional.empty();
  }
}
