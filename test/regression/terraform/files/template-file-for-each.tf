data "template_file" "node" {
  for_each = var.nodes
  template = file("${path.module}/node.tpl")
  vars = {
    environment = "devnet"
    log_group   = "tf-${each.key}"
  }
}

resource "aws_ecs_task_definition" "node" {
  for_each = var.nodes

  family                   = "node-${each.key}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  container_definitions    = data.template_file.node[each.key].rendered
  execution_role_arn       = aws_iam_role.node_exec.arn
}
