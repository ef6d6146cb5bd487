"""SQLAlchemy ORM against the gateway: create_all with serial and identity keys, inserts that read
the new keys back with RETURNING, and a nested transaction. Prints "ok: <check>" per passed check."""
import sqlalchemy
from sqlalchemy import Column, Identity, Integer, String, select
from sqlalchemy.orm import Session, declarative_base

Base = declarative_base()


class Desk(Base):
    __tablename__ = "orm_desks"
    id = Column(Integer, primary_key=True)  # SERIAL in PostgreSQL's DDL
    name = Column(String(40), nullable=False)


class Limit(Base):
    __tablename__ = "orm_limits"
    id = Column(Integer, Identity(always=True), primary_key=True)
    desk = Column(String(40))


engine = sqlalchemy.create_engine("postgresql+psycopg2://", future=True)
Base.metadata.create_all(engine)
ok_tables = sqlalchemy.inspect(engine).get_table_names()
assert "orm_desks" in ok_tables and "orm_limits" in ok_tables, ok_tables
print("ok: create_all", flush=True)

with Session(engine) as session:
    first, second = Desk(name="rates"), Desk(name="fx")
    session.add_all([first, second])
    session.flush()
    assert (first.id, second.id) == (1, 2), (first.id, second.id)
    limit = Limit(desk="rates")
    session.add(limit)
    session.commit()
    assert limit.id == 1, limit.id
print("ok: insert returning keys", flush=True)

with engine.connect() as conn:
    new_id = conn.execute(sqlalchemy.text("INSERT INTO orm_desks(name) VALUES ('eq') RETURNING id")).scalar_one()
    conn.commit()
    assert new_id == 3, new_id
    names = conn.execute(select(Desk.__table__.c.name).order_by(Desk.__table__.c.id)).scalars().all()
    assert names == ["rates", "fx", "eq"], names
print("ok: returning id", flush=True)
