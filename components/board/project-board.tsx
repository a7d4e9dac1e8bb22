"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "../ui/alert";
import { PageHeader } from "../ui/page-header";
import { useErrorMessage } from "../use-error-message";
import { InlineAdd } from "./inline-add";
import { ListColumn } from "./list-column";
import { useBoard, useBoardActions } from "./queries";
import { TodoPanel } from "./todo-panel";

const EDIT_RECORDS = ["OWNER", "ADMIN", "MEMBER", "CLIENT"];
const MANAGE_LISTS = ["OWNER", "ADMIN", "MEMBER"];

export function ProjectBoard({ projectId }: { projectId: string }) {
  const t = useTranslations("board");
  const roles = useTranslations("roles");
  const errorMessage = useErrorMessage();
  const board = useBoard(projectId);
  const actions = useBoardActions(projectId);
  const [openTodo, setOpenTodo] = useState<string | null>(null);

  if (board.isPending) return <p className="text-sm text-slate-500">{t("loading")}</p>;
  if (board.error) return <Alert tone="error">{errorMessage(board.error)}</Alert>;
  const { project, lists } = board.data;
  const canEditRecords = EDIT_RECORDS.includes(project.role);
  const canManageLists = MANAGE_LISTS.includes(project.role);
  const listOptions = lists.map((l) => ({ id: l.id, title: l.title }));

  return (
    <>
      <PageHeader title={project.name} subtitle={project.company.name} />
      {!canEditRecords ? (
        <div className="mb-4">
          <Alert tone="info">{t("readOnly", { role: roles(project.role) })}</Alert>
        </div>
      ) : null}
      {lists.length === 0 ? <p className="mb-4 text-sm text-slate-600">{t("noLists")}</p> : null}
      <div className="flex items-start gap-4 overflow-x-auto pb-4">
        {lists.map((list) => (
          <ListColumn
            key={`${list.id}:${list.title}`}
            list={list}
            lists={listOptions}
            canEditRecords={canEditRecords}
            canManageLists={canManageLists}
            actions={actions}
            onOpenTodo={setOpenTodo}
          />
        ))}
        {canManageLists ? (
          <div className="w-72 shrink-0 rounded-lg border border-dashed border-slate-300 p-3">
            <InlineAdd label={t("newListTitle")} buttonLabel={t("addList")} onAdd={actions.addList} />
          </div>
        ) : null}
      </div>
      <TodoPanel
        todoId={openTodo}
        board={board.data}
        canEdit={canEditRecords}
        actions={actions}
        onClose={() => setOpenTodo(null)}
      />
    </>
  );
}
