using CsvHelper;

namespace AgentP.Web;

/// <summary>The columns of an export, in order: the header's name and how the row's field is written.</summary>
public sealed class CsvColumns<T>(params (string Name, Action<CsvWriter, T> Write)[] columns) : CsvRecordWriter<T>
{
    public override int FieldCount => columns.Length;

    public override void WriteHeader(CsvWriter writer)
    {
        foreach (var column in columns) WriteColumnName(writer, column.Name);
    }

    public override void Write(CsvWriter writer, T record)
    {
        foreach (var column in columns) column.Write(writer, record);
    }
}
