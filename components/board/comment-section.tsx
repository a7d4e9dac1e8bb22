"use client";

import { useFormatter, useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import type { TodoDetail } from "@/lib/validations/board";
import { Button } from "../ui/button";
import type { BoardActions } from "./queries";

export function CommentSection({
  todoId,
  comments,
  actions,
}: {
  todoId: string;
  comments: TodoDetail["comments"];
  actions: BoardActions;
}) {
  const t = useTranslations("record");
  const format = useFormatter();
  const [text, setText] = useState("");
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) return;
    await actions.addComment(todoId, text.trim());
    setText("");
  }
  return (
    <section className="flex flex-col gap-3 text-sm">
      <h3 className="font-medium text-slate-700">{t("comments")}</h3>
      {comments.length === 0 ? <p className="text-slate-500">{t("noComments")}</p> : null}
      <ul className="flex flex-col gap-2">
        {comments.map((c) => (
          <li key={c.id} className="rounded-md bg-slate-50 px-3 py-2">
            <div className="mb-1 flex items-center justify-between text-xs text-slate-500">
              <span>
                {c.author.name} · {format.dateTime(new Date(c.createdAt), { dateStyle: "medium", timeStyle: "short" })}
              </span>
              <Button variant="ghost" aria-label={t("deleteComment")} onClick={() => actions.deleteComment(c.id)}>
                ✕
              </Button>
            </div>
            <p className="whitespace-pre-wrap">{c.text}</p>
          </li>
        ))}
      </ul>
      <form onSubmit={submit} className="flex flex-col gap-2">
        <textarea
          aria-label={t("newComment")}
          placeholder={t("newComment")}
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={2}
          maxLength={10_000}
          className="rounded-md border border-slate-300 px-2 py-1.5"
        />
        <Button type="submit" variant="secondary" disabled={!text.trim()} className="self-end">
          {t("addComment")}
        </Button>
      </form>
    </section>
  );
}
